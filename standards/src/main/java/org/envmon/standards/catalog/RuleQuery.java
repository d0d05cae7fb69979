package org.envmon.standards.catalog;

import java.time.LocalDate;
import org.envmon.standards.Statistic;

/**
 * What a caller wants rules for. Null medium/parameter/statistic and null class-like fields are
 * wildcards; see {@link Applicability} for how station and district restrictions match.
 */
public record RuleQuery(String medium, String parameter, Statistic statistic, LocalDate date,
    String airGrade, String noiseZone, String waterTargetClass, String waterBodyType,
    String district, String stationId, String vocComparator) {

  public RuleQuery {
    if (date == null) {
      throw new IllegalArgumentException("RuleQuery needs the date the value belongs to");
    }
  }

  /** A query for one parameter and statistic on one day, all other fields wildcards. */
  public static RuleQuery of(String medium, String parameter, Statistic statistic, LocalDate date) {
    return new RuleQuery(medium, parameter, statistic, date, null, null, null, null, null, null, null);
  }

  public RuleQuery withAirGrade(String grade) {
    return new RuleQuery(medium, parameter, statistic, date, grade, noiseZone, waterTargetClass,
        waterBodyType, district, stationId, vocComparator);
  }

  public RuleQuery withNoiseZone(String zone) {
    return new RuleQuery(medium, parameter, statistic, date, airGrade, zone, waterTargetClass,
        waterBodyType, district, stationId, vocComparator);
  }

  public RuleQuery withWaterTargetClass(String waterClass) {
    return new RuleQuery(medium, parameter, statistic, date, airGrade, noiseZone, waterClass,
        waterBodyType, district, stationId, vocComparator);
  }

  public RuleQuery withWaterBodyType(String bodyType) {
    return new RuleQuery(medium, parameter, statistic, date, airGrade, noiseZone, waterTargetClass,
        bodyType, district, stationId, vocComparator);
  }

  public RuleQuery withStation(String station, String stationDistrict) {
    return new RuleQuery(medium, parameter, statistic, date, airGrade, noiseZone, waterTargetClass,
        waterBodyType, stationDistrict, station, vocComparator);
  }

  public RuleQuery withVocComparator(String comparator) {
    return new RuleQuery(medium, parameter, statistic, date, airGrade, noiseZone, waterTargetClass,
        waterBodyType, district, stationId, comparator);
  }

  boolean matches(Rule r) {
    return r.inForce(date)
        && (medium == null || medium.equalsIgnoreCase(r.medium()))
        && (parameter == null || parameter.equalsIgnoreCase(r.parameter()))
        && (statistic == null || statistic == r.statistic())
        && r.applicability().matches(this);
  }
}
