package org.envmon.streams.internals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.standards.Statistic;
import org.envmon.standards.aqi.AqiCalculator;
import org.envmon.standards.aqi.AqiResult;

/**
 * Hourly (real-time) and daily AQI records from the hourly means and the daily aggregates; the
 * HJ 633 edition, breakpoints and rounding are {@link AqiCalculator}'s. Only valid values are
 * inputs; the rest are reported as missing.
 */
public final class AqiRecords {
  public static final String HOUR = "HOUR";
  public static final String DAY = "DAY";

  private final AqiCalculator calculator;

  public AqiRecords(AqiCalculator calculator) {
    this.calculator = calculator;
  }

  /** SO2 1-h means from this level on may be scored by the SO2 24-h mean (HJ 633-2012 Table 1 notes). */
  private static final double SO2_HOUR_SCORED_BY_DAY = 800;

  /**
   * Whether the station-hour's hourly AQI needs the SO2 24-h mean: its SO2 1-h mean is at or
   * above 800 µg/m³ (the calculator decides, after rounding, whether it is above).
   */
  public static boolean needsSo2DayMean(HourBatch batch) {
    return batch.all().stream().anyMatch(h -> h.getParameter().equals("SO2") && h.getValid() && h.getValue() != null
        && h.getValue() >= SO2_HOUR_SCORED_BY_DAY);
  }

  /**
   * The real-time AQI of a station-hour, or empty when the batch holds no AQI pollutant.
   *
   * @param so2DayMean the valid SO2 24-h moving mean ending with this hour, or null (then an SO2
   *                   1-h mean above 800 under HJ 633-2012 counts as missing)
   */
  public Optional<AqiRecord> hourly(HourBatch batch, Double so2DayMean) {
    Map<String, Double> inputs = new HashMap<>();
    boolean anyPollutant = false;
    int revision = 0;
    long hourStart = 0;
    String district = "";
    for (HourlyValue hour : batch.all()) {
      if (!AqiCalculator.HOURLY_KEYS.contains(hour.getParameter())) {
        continue;
      }
      anyPollutant = true;
      revision = Math.max(revision, hour.getRevision());
      hourStart = hour.getHourStart().toEpochMilli();
      district = hour.getDistrict();
      if (hour.getValid() && hour.getValue() != null) {
        inputs.put(hour.getParameter(), hour.getValue());
      }
    }
    if (!anyPollutant) {
      return Optional.empty();
    }
    if (so2DayMean != null) {
      inputs.put(AqiCalculator.SO2_24H, so2DayMean);
    }
    AqiResult result = calculator.hourly(BeijingTime.date(hourStart), inputs);
    return Optional.of(record(batch.stationId(), district, HOUR, hourStart, result, revision));
  }

  /** The daily AQI of a station-day. */
  public AqiRecord daily(DayBatch day) {
    Map<String, Double> inputs = new HashMap<>();
    for (Aggregate aggregate : day.aggregates()) {
      if (!aggregate.getValid() || aggregate.getValue() == null) {
        continue;
      }
      String input = switch (Statistic.valueOf(aggregate.getStatistic())) {
        case DAILY_MEAN -> aggregate.getParameter();
        case O3_1H_MAX -> "O3";
        case O3_MDA8 -> "O3_8H";
        default -> null;
      };
      if (input != null) {
        inputs.put(input, aggregate.getValue());
      }
    }
    LocalDate date = BeijingTime.date(day.dayStart());
    return record(day.stationId(), day.district(), DAY, day.dayStart(), calculator.daily(date, inputs),
        day.revision());
  }

  private static AqiRecord record(String stationId, String district, String period, long start, AqiResult r,
                                  int revision) {
    return AqiRecord.newBuilder()
        .setStationId(stationId)
        .setDistrict(district)
        .setPeriod(period)
        .setPeriodStart(Instant.ofEpochMilli(start))
        .setAqi(r.aqi())
        .setLevel(r.level())
        .setCategory(r.category())
        .setPrimaryPollutants(r.primaryPollutants())
        .setIaqi(Map.copyOf(r.iaqi()))
        .setMissing(r.missing())
        .setStandard(r.standard())
        .setRevision(revision)
        .build();
  }
}
