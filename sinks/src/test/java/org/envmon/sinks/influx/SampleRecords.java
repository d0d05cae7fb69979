package org.envmon.sinks.influx;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.sinks.influx.point.NoiseZones;
import org.envmon.sinks.influx.point.PointMapper;

/** A small set of records covering every InfluxDB measurement, shared by the integration tests. */
public final class SampleRecords {
  private SampleRecords() {}

  /** Noise station N1 is in zone 4a. */
  public static final NoiseZones ZONES = station -> station.startsWith("N")
      ? Optional.of(new NoiseZones.Zone("4a", 70, 55)) : Optional.empty();

  public static PointMapper mapper() {
    return new PointMapper(ZONES);
  }

  /** Records for one station family at the given hour (UTC), all measurements covered. */
  public static List<SpecificRecord> at(Instant hour) {
    Instant day = hour.minusSeconds(8 * 3600);
    return List.of(
        hourly("Dongsi", "PM2_5", hour, 35.5),
        hourly("Dongsi", "PM10", hour, 80.0),
        hourly("Dongsi", "O3", hour, 120.0),
        hourly("Dongsi", "CO", hour, 0.8),
        hourly("V1", "BENZENE", hour, 3.2, Medium.VOC),
        hourly("W1", "COD", hour, 15.0, Medium.WATER),
        hourly("N1", "LEQ", hour, 58.0, Medium.NOISE),
        aggregate("Dongsi", "PM2_5", "ROLLING_24H", hour, 40.0, Medium.AIR),
        aggregate("Dongsi", "O3", "ROLLING_8H", hour, 110.0, Medium.AIR),
        aggregate("Dongsi", "PM2_5", "DAILY_MEAN", day, 41.0, Medium.AIR),
        aggregate("Dongsi", "O3", "O3_MDA8", day, 150.0, Medium.AIR),
        aggregate("Dongsi", "O3", "O3_1H_MAX", day, 190.0, Medium.AIR),
        aggregate("N1", "LEQ", "LEQ_DAY", day, 66.0, Medium.NOISE),
        aggregate("N1", "LEQ", "LEQ_NIGHT", day.plusSeconds(14 * 3600), 57.0, Medium.NOISE),
        aggregate("N1", "LMAX", "LMAX_NIGHT", day.plusSeconds(14 * 3600), 72.0, Medium.NOISE),
        aggregate("W1", "COD", "DAILY_MEAN", day, 18.0, Medium.WATER),
        aggregate("W1", "COD", "WATER_CLASS", day, 3.0, Medium.WATER),
        aggregate("W1", "SECTION", "WATER_CLASS", day, 4.0, Medium.WATER),
        aqi("HOUR", hour, 105),
        aqi("DAY", day, 88),
        alert(hour, AlertState.OPEN),
        plan(day, "pm25_annual", 31.0, 29.0),
        plan(day, "good_day_ratio", 0.74, 0.78),
        plan(day, "heavy_days", 2.0, 3.0));
  }

  public static HourlyValue hourly(String station, String parameter, Instant hour, double value) {
    return hourly(station, parameter, hour, value, Medium.AIR);
  }

  static HourlyValue hourly(String station, String parameter, Instant hour, double value, Medium medium) {
    return HourlyValue.newBuilder().setStationId(station).setDistrict(district(station))
        .setMedium(medium).setParameter(parameter).setHourStart(hour).setValue(value).setUnit("ug/m3")
        .setSamples(12).setSampleMinutes(60).setValid(true).build();
  }

  public static Aggregate aggregate(String station, String parameter, String statistic, Instant start,
      double value, Medium medium) {
    return Aggregate.newBuilder().setStationId(station).setDistrict(district(station)).setMedium(medium)
        .setParameter(parameter).setStatistic(statistic).setPeriodStart(start)
        .setPeriodEnd(start.plusSeconds(3600)).setValue(value).setUnit("").setCount(20).setRequired(20)
        .setValid(true).setStandard("GB 3095-2012").build();
  }

  static AqiRecord aqi(String period, Instant start, int aqi) {
    return AqiRecord.newBuilder().setStationId("Dongsi").setDistrict("东城").setPeriod(period)
        .setPeriodStart(start).setAqi(aqi).setLevel(aqi > 100 ? 3 : 2)
        .setCategory(aqi > 100 ? "轻度污染" : "良").setPrimaryPollutants(List.of("PM2_5"))
        .setIaqi(Map.of("PM2_5", aqi, "PM10", 60, "O3", 40)).setStandard("HJ 633-2026").build();
  }

  static Alert alert(Instant hour, AlertState state) {
    return Alert.newBuilder().setAlertId("Dongsi|GB3095-2012.PM2_5.24h.II|" + hour.toEpochMilli())
        .setState(state).setSeverity("major").setStationId("Dongsi").setDistrict("东城")
        .setMedium(Medium.AIR).setRuleId("GB3095-2012.PM2_5.24h.II").setRuleSource("GB 3095-2012 Table 1")
        .setParameter("PM2_5").setStatistic("ROLLING_24H").setObserved(80.0).setThreshold(75.0)
        .setPeriodStart(hour).setEpisodeStart(hour).setTransitionAt(hour)
        .setMessage("PM2.5 24 h mean 80 µg/m³ > 75, \"Class II\"").build();
  }

  static PlanProgress plan(Instant day, String target, double actual, double targetValue) {
    return PlanProgress.newBuilder().setScope("东城").setTarget(target).setYear(2026).setAsOf(day)
        .setActual(actual).setTargetValue(targetValue).setOnTrack(false).setDays(100)
        .setSource("plan 002 annex 4").build();
  }

  private static String district(String station) {
    return switch (station) {
      case "W1" -> "海淀";
      case "N1" -> "朝阳";
      case "V1" -> "大兴";
      default -> "东城";
    };
  }
}
