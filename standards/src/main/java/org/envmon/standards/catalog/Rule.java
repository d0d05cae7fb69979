package org.envmon.standards.catalog;

import java.time.LocalDate;
import org.envmon.standards.Statistic;

/**
 * One limit of one standard or plan, effective-dated.
 *
 * @param id stable identifier, e.g. "GB3095-2012.PM2_5.DAILY_MEAN.II"; alerts name it
 * @param source standard and clause/table, or plan file and table
 * @param jurisdiction national, Beijing, or a district
 * @param medium AIR, WATER, NOISE or VOC
 * @param parameter a {@link org.envmon.standards.Parameter} code
 * @param statistic what the limit is compared with
 * @param limit the limit in the parameter's canonical unit
 * @param comparison which side of the limit fails
 * @param applicability grade, zone, class, body type, stations, districts
 * @param validFrom first day in force (Beijing date)
 * @param validTo last day in force, inclusive; null = open
 * @param unconfirmed the text could not be confirmed; operators should review or override it
 * @param note free text for people
 * @param screening a screening comparator (e.g. VOCs vs emission limits), not a compliance limit
 */
public record Rule(String id, String source, String jurisdiction, String medium, String parameter,
    Statistic statistic, double limit, Comparison comparison, Applicability applicability,
    LocalDate validFrom, LocalDate validTo, boolean unconfirmed, String note, boolean screening) {

  /** Whether the rule is in force on {@code date}. */
  public boolean inForce(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  /** Whether {@code value} breaks this rule. */
  public boolean exceeds(double value) {
    return comparison.exceeds(value, limit);
  }

  /** How far {@code value} is beyond the limit (positive = exceeding, negative = headroom). */
  public double margin(double value) {
    return comparison.margin(value, limit);
  }
}
