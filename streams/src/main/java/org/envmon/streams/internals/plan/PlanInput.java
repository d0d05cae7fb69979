package org.envmon.streams.internals.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.schemas.Aggregate;
import org.envmon.streams.internals.BeijingTime;
import org.envmon.streams.internals.DayBatch;
import org.envmon.streams.internals.StateSerde;

/**
 * One station-day's valid daily values as an input of a district's (or the city's) day: the daily
 * AQI inputs of HJ 633 (PM2_5, PM10, SO2, NO2, CO daily means; O3 daily 1-h max; O3_8H = MDA8),
 * all in one record so the scope's state is read and written once per station-day. With no
 * values and the date {@link LocalDate#MAX} it is the station's end-of-input marker.
 *
 * @param scope     district name, or {@link #CITY}
 * @param stationId the station
 * @param date      Beijing natural day
 * @param values    AQI input name (PM2_5, PM10, SO2, NO2, CO, O3, O3_8H) -> the daily value
 */
public record PlanInput(String scope, String stationId, LocalDate date, Map<String, Double> values) {
  /** Scope of the whole city. */
  public static final String CITY = "city";
  private static final Map<String, String> DAILY_MEAN_INPUTS =
      Map.of("PM2_5", "PM2_5", "PM10", "PM10", "SO2", "SO2", "NO2", "NO2", "CO", "CO");

  public PlanInput {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(stationId, "stationId");
    Objects.requireNonNull(date, "date");
    values = Map.copyOf(values);
  }

  /** The marker that input has ended for {@code stationId}: it has no later day. */
  public static PlanInput endOfInput(String scope, String stationId) {
    return new PlanInput(scope, stationId, LocalDate.MAX, Map.of());
  }

  /**
   * The inputs of a station-day for its district and the city (none without a district, or
   * without a valid daily AQI input), or the station's end-of-input markers.
   */
  public static List<PlanInput> of(DayBatch day) {
    List<String> scopes = day.district() == null || day.district().isBlank()
        ? List.of() : List.of(day.district(), CITY);
    if (day.isEndMarker()) {
      return scopes.stream().map(scope -> endOfInput(scope, day.stationId())).toList();
    }
    Map<String, Double> values = new TreeMap<>();
    for (Aggregate a : day.aggregates()) {
      String input = inputOf(a);
      if (input != null) {
        values.put(input, a.getValue());
      }
    }
    if (values.isEmpty()) {
      return List.of();
    }
    LocalDate date = BeijingTime.date(day.dayStart());
    return scopes.stream().map(scope -> new PlanInput(scope, day.stationId(), date, values)).toList();
  }

  /** Whether this is a station's end-of-input marker rather than values. */
  public boolean endOfInput() {
    return date.equals(LocalDate.MAX);
  }

  /** The AQI input a valid daily aggregate is, or null. */
  private static String inputOf(Aggregate a) {
    if (!a.getValid() || a.getValue() == null) {
      return null;
    }
    return switch (a.getStatistic()) {
      case "DAILY_MEAN" -> DAILY_MEAN_INPUTS.get(a.getParameter());
      case "O3_1H_MAX" -> "O3";
      case "O3_MDA8" -> "O3_8H";
      default -> null;
    };
  }

  /** Serde for the repartition topic. */
  public static Serde<PlanInput> serde() {
    return StateSerde.of("plan input", (byte) 2, (out, p) -> {
      out.writeUTF(p.scope());
      out.writeUTF(p.stationId());
      out.writeLong(p.date().toEpochDay());
      out.writeInt(p.values().size());
      for (Map.Entry<String, Double> v : new TreeMap<>(p.values()).entrySet()) {
        out.writeUTF(v.getKey());
        out.writeDouble(v.getValue());
      }
    }, in -> {
      String scope = in.readUTF();
      String station = in.readUTF();
      LocalDate date = LocalDate.ofEpochDay(in.readLong());
      int size = in.readInt();
      Map<String, Double> values = new TreeMap<>();
      for (int i = 0; i < size; i++) {
        values.put(in.readUTF(), in.readDouble());
      }
      return new PlanInput(scope, station, date, values);
    });
  }
}
