package org.envmon.sinks.influx.point;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;

/**
 * Maps envmon records to InfluxDB points exactly as docs/influxdb-schema.md specifies. Pure: the
 * same record always yields the same points, so a re-delivered record overwrites its own point.
 * Absent values are left out while {@code valid} and the counts are kept, so an invalid period is
 * stored and visibly marked invalid.
 */
public final class PointMapper {
  /** The medium tag per {@link Medium} ordinal: the lower-case name, made once rather than per point. */
  private static final String[] MEDIUM_TAGS = Arrays.stream(Medium.values())
      .map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  private final NoiseZones noiseZones;

  public PointMapper(NoiseZones noiseZones) {
    this.noiseZones = noiseZones;
  }

  /**
   * Points for any record of the result topics.
   *
   * @throws UnmappableRecordException for a record type or statistic the schema has no place for
   */
  public List<LinePoint> map(SpecificRecord record) {
    if (record instanceof HourlyValue h) {
      return List.of(hourly(h));
    } else if (record instanceof Aggregate a) {
      return List.of(aggregate(a));
    } else if (record instanceof AqiRecord q) {
      return List.of(aqi(q));
    } else if (record instanceof Alert al) {
      return List.of(alert(al));
    } else if (record instanceof PlanProgress p) {
      return List.of(planProgress(p));
    }
    throw new UnmappableRecordException("no InfluxDB measurement for record type "
        + (record == null ? "null" : record.getClass().getName()));
  }

  public LinePoint hourly(HourlyValue h) {
    return station("hourly", h.getStationId(), h.getDistrict(), h.getMedium())
        .tag("parameter", h.getParameter())
        .field("value", h.getValue())
        .field("samples", h.getSamples())
        .field("valid", h.getValid())
        .time(h.getHourStart().toEpochMilli())
        .build();
  }

  public LinePoint aggregate(Aggregate a) {
    String statistic = a.getStatistic();
    return switch (statistic) {
      case "ROLLING_8H" -> rolling(a, "8h");
      case "ROLLING_24H" -> rolling(a, "24h");
      case "DAILY_MEAN" -> a.getMedium() == Medium.WATER ? water(a, "value") : daily(a, a.getParameter());
      case "O3_1H_MAX", "O3_MDA8" -> daily(a, statistic);
      case "LEQ_DAY" -> noise(a, "day", "leq");
      case "LEQ_NIGHT" -> noise(a, "night", "leq");
      case "LMAX_NIGHT" -> noise(a, "night", "lmax");
      case "WATER_CLASS" -> water(a, "class");
      default -> throw new UnmappableRecordException("aggregate statistic '" + statistic
          + "' of station " + a.getStationId() + " has no InfluxDB measurement; known: ROLLING_8H,"
          + " ROLLING_24H, DAILY_MEAN, O3_1H_MAX, O3_MDA8, LEQ_DAY, LEQ_NIGHT, LMAX_NIGHT, WATER_CLASS");
    };
  }

  private LinePoint rolling(Aggregate a, String window) {
    return station("rolling", a.getStationId(), a.getDistrict(), a.getMedium())
        .tag("parameter", a.getParameter())
        .tag("window", window)
        .field("value", a.getValue())
        .field("hours", a.getCount())
        .field("valid", a.getValid())
        .time(a.getPeriodStart().toEpochMilli())
        .build();
  }

  private LinePoint daily(Aggregate a, String parameter) {
    return station("daily", a.getStationId(), a.getDistrict(), a.getMedium())
        .tag("parameter", parameter)
        .tag("standard", a.getStandard())
        .field("value", a.getValue())
        .field("hours", a.getCount())
        .field("valid", a.getValid())
        .time(a.getPeriodStart().toEpochMilli())
        .build();
  }

  /** Leq and Lmax of one night share a point; {@code valid} belongs to the Leq. */
  private LinePoint noise(Aggregate a, String period, String field) {
    Optional<NoiseZones.Zone> zone = noiseZones.zoneOf(a.getStationId());
    LinePoint.Builder b = station("noise", a.getStationId(), a.getDistrict(), a.getMedium())
        .tag("period", period)
        .tag("zone", zone.map(NoiseZones.Zone::name).orElse("unknown"))
        .field(field, a.getValue());
    if (field.equals("leq")) {
      b.field("limit", zone.map(z -> period.equals("day") ? z.dayLimit() : z.nightLimit()).orElse(null))
          .field("valid", a.getValid());
    } else {
      b.field("lmax_valid", a.getValid());
    }
    return b.time(a.getPeriodStart().toEpochMilli()).build();
  }

  /** A parameter's daily value and its class share a point; the section class uses parameter SECTION. */
  private LinePoint water(Aggregate a, String field) {
    LinePoint.Builder b = station("water", a.getStationId(), a.getDistrict(), a.getMedium())
        .tag("parameter", a.getParameter());
    if (field.equals("class")) {
      Double v = a.getValue();
      b.field("class", v == null ? null : (int) Math.round(v)).field("class_valid", a.getValid());
    } else {
      b.field("value", a.getValue()).field("valid", a.getValid());
    }
    return b.time(a.getPeriodStart().toEpochMilli()).build();
  }

  public LinePoint aqi(AqiRecord q) {
    LinePoint.Builder b = station("aqi", q.getStationId(), q.getDistrict(), Medium.AIR)
        .tag("period", q.getPeriod().toLowerCase(Locale.ROOT))
        .tag("standard", q.getStandard())
        .field("aqi", q.getAqi())
        .field("level", q.getLevel())
        .field("category", q.getCategory())
        .field("published", q.getAqi() != null);
    if (!q.getPrimaryPollutants().isEmpty()) {
      b.field("primary", String.join(",", q.getPrimaryPollutants()));
    }
    // Sorted so the field order, and thus the encoded line, does not depend on map order.
    for (Map.Entry<String, Integer> iaqi : new TreeMap<>(q.getIaqi()).entrySet()) {
      b.field("iaqi_" + iaqi.getKey(), iaqi.getValue());
    }
    return b.time(q.getPeriodStart().toEpochMilli()).build();
  }

  public LinePoint alert(Alert a) {
    return station("alerts", a.getStationId(), a.getDistrict(), a.getMedium())
        .tag("rule", a.getRuleId())
        .tag("severity", a.getSeverity())
        .tag("state", a.getState().name())
        .field("observed", a.getObserved())
        .field("threshold", a.getThreshold())
        .field("alert_id", a.getAlertId())
        .field("parameter", a.getParameter())
        .field("message", a.getMessage())
        .time(a.getPeriodStart().toEpochMilli())
        .build();
  }

  /** Plan progress belongs to a district or the city, which takes the place of the station. */
  public LinePoint planProgress(PlanProgress p) {
    return LinePoint.measurement("plan_progress")
        .tag("station", p.getScope())
        .tag("district", p.getScope())
        .tag("medium", "air")
        .tag("target", p.getTarget())
        .tag("year", Integer.toString(p.getYear()))
        .field("actual", p.getActual())
        .field("target", p.getTargetValue())
        .field("on_track", p.getOnTrack())
        .field("days", p.getDays())
        .time(p.getAsOf().toEpochMilli())
        .build();
  }

  private static LinePoint.Builder station(String measurement, String stationId, String district,
      Medium medium) {
    return LinePoint.measurement(measurement)
        .tag("station", stationId)
        .tag("district", district)
        .tag("medium", MEDIUM_TAGS[medium.ordinal()]);
  }
}
