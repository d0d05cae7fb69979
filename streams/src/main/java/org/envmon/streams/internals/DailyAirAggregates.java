package org.envmon.streams.internals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Medium;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.StatisticResult;
import org.envmon.standards.air.AirStatistics;

/**
 * The daily statistics of one station-day as {@link Aggregate}s: daily means of PM2.5, PM10,
 * SO2, NO2 and CO; O3's daily maximum 1-hour mean and MDA8. Every number and validity judgement
 * comes from {@link AirStatistics}.
 */
public final class DailyAirAggregates {
  /** Parameters whose hours the daily stage keeps. */
  public static final Set<String> PARAMETERS = Set.of(Parameter.PM2_5.code(), Parameter.PM10.code(),
      Parameter.SO2.code(), Parameter.NO2.code(), Parameter.CO.code(), Parameter.O3.code());

  private final AirStatistics statistics;

  public DailyAirAggregates(AirStatistics statistics) {
    this.statistics = statistics;
  }

  /** The day's aggregates, in parameter order. */
  public List<Aggregate> of(String stationId, long dayStart, DayState day, int airGrade, int revision) {
    LocalDate date = BeijingTime.date(dayStart);
    List<Aggregate> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : day.hours().entrySet()) {
      Parameter parameter = Parameter.fromCode(e.getKey()).orElseThrow();
      if (parameter == Parameter.O3) {
        out.add(aggregate(stationId, dayStart, day, parameter, Statistic.O3_1H_MAX,
            statistics.o3Daily1hMax(date, e.getValue()), revision));
        out.add(aggregate(stationId, dayStart, day, parameter, Statistic.O3_MDA8,
            statistics.mda8(date, e.getValue(), airGrade), revision));
      } else {
        out.add(aggregate(stationId, dayStart, day, parameter, Statistic.DAILY_MEAN,
            statistics.dailyMean(date, parameter, e.getValue()), revision));
      }
    }
    return out;
  }

  private static Aggregate aggregate(String stationId, long dayStart, DayState day, Parameter parameter,
                                     Statistic statistic, StatisticResult result, int revision) {
    return Aggregate.newBuilder()
        .setStationId(stationId)
        .setDistrict(day.district())
        .setMedium(Medium.AIR)
        .setParameter(parameter.code())
        .setStatistic(statistic.name())
        .setPeriodStart(Instant.ofEpochMilli(dayStart))
        .setPeriodEnd(Instant.ofEpochMilli(dayStart + BeijingTime.DAY_MS))
        .setValue(result.value())
        .setUnit(parameter.unit())
        .setCount(result.count())
        .setRequired(result.required())
        .setValid(result.valid())
        .setStandard(result.standard())
        .setRevision(revision)
        .build();
  }
}
