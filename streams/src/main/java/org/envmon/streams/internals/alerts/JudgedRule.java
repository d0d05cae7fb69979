package org.envmon.streams.internals.alerts;

import java.util.Objects;

/**
 * The rule an alert names, as the alert shows it.
 *
 * @param id        catalog rule id (or an envmon policy id such as {@code envmon.station-health})
 * @param source    standard and clause, plan and table, or the envmon policy
 * @param parameter parameter judged
 * @param statistic statistic judged (Aggregate.statistic spelling, STATION_HEALTH, PLAN, AQI_DAY ...)
 * @param unit      unit of observed values and thresholds, for the message
 * @param standard  standard version or plan that judged the value
 * @param screening true for screening comparators (VOCs vs emission limits), said in the message
 */
public record JudgedRule(String id, String source, String parameter, String statistic, String unit,
                         String standard, boolean screening) {
  public JudgedRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(statistic, "statistic");
    unit = unit == null ? "" : unit;
    standard = standard == null ? "" : standard;
  }
}
