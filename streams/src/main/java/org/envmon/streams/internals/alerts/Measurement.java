package org.envmon.streams.internals.alerts;

import java.util.Objects;
import java.util.Optional;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.standards.Statistic;

/**
 * A valid value of one statistic at one station, ready to be judged against the catalog.
 *
 * @param stationId   station id
 * @param district    district of the station
 * @param medium      medium
 * @param parameter   parameter code
 * @param statistic   statistic the catalog rules are matched on
 * @param periodStart start of the period, millis UTC
 * @param periodEnd   end of the period (exclusive), millis UTC
 * @param revision    revision of the value
 * @param value       the value
 * @param unit        its unit
 * @param standard    standard version that defined the statistic ("" when none)
 */
public record Measurement(String stationId, String district, Medium medium, String parameter, Statistic statistic,
                          long periodStart, long periodEnd, int revision, double value, String unit,
                          String standard) {
  private static final long HOUR_MS = 3_600_000L;

  public Measurement {
    Objects.requireNonNull(stationId, "stationId");
    Objects.requireNonNull(medium, "medium");
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(statistic, "statistic");
  }

  /**
   * The judgeable value of an aggregate: only valid aggregates with a value and a statistic the
   * standards know; invalid statistics never raise compliance alerts. Water classes are judged
   * against the section's target class by the water stage, not against concentration limits.
   */
  public static Optional<Measurement> of(Aggregate a) {
    if (a == null || !a.getValid() || a.getValue() == null || Statistic.WATER_CLASS.name().equals(a.getStatistic())) {
      return Optional.empty();
    }
    Statistic statistic;
    try {
      statistic = Statistic.valueOf(a.getStatistic());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new Measurement(a.getStationId(), a.getDistrict(), a.getMedium(), a.getParameter(), statistic,
        a.getPeriodStart().toEpochMilli(), a.getPeriodEnd().toEpochMilli(), a.getRevision(), a.getValue(),
        a.getUnit(), a.getStandard()));
  }

  /**
   * The judgeable value of a valid hourly mean of an air or VOCs station (1-hour rules); noise and
   * water hours are judged through their period statistics instead.
   */
  public static Optional<Measurement> of(HourlyValue h) {
    if (h == null || !h.getValid() || h.getValue() == null
        || !(h.getMedium() == Medium.AIR || h.getMedium() == Medium.VOC)) {
      return Optional.empty();
    }
    long start = h.getHourStart().toEpochMilli();
    return Optional.of(new Measurement(h.getStationId(), h.getDistrict(), h.getMedium(), h.getParameter(),
        Statistic.HOUR_MEAN, start, start + HOUR_MS, h.getRevision(), h.getValue(), h.getUnit(), ""));
  }
}
