package org.envmon.streams.internals.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.schemas.Aggregate;
import org.envmon.streams.internals.BeijingTime;
import org.envmon.streams.internals.DayBatch;
import org.envmon.streams.internals.StateSerde;

/**
 * One station's valid daily value as an input of a district's (or the city's) day: the daily
 * AQI inputs of HJ 633 (PM2_5, PM10, SO2, NO2, CO daily means; O3 daily 1-h max; O3_8H = MDA8).
 *
 * @param scope     district name, or {@link #CITY}
 * @param stationId the station
 * @param date      Beijing natural day
 * @param input     AQI input name (PM2_5, PM10, SO2, NO2, CO, O3, O3_8H), or {@link #END_OF_INPUT}
 * @param value     the daily value
 */
public record PlanInput(String scope, String stationId, LocalDate date, String input, double value) {
  /** Scope of the whole city. */
  public static final String CITY = "city";
  /** Input name of the marker saying a station's input has ended (end-of-input): it has no later day. */
  public static final String END_OF_INPUT = "END_OF_INPUT";
  private static final Map<String, String> DAILY_MEAN_INPUTS =
      Map.of("PM2_5", "PM2_5", "PM10", "PM10", "SO2", "SO2", "NO2", "NO2", "CO", "CO");

  public PlanInput {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(stationId, "stationId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(input, "input");
  }

  /** The inputs of a station-day: its AQI inputs, or the station's end-of-input marker, for its scopes. */
  public static List<PlanInput> of(DayBatch day) {
    if (day.isEndMarker()) {
      LocalDate never = LocalDate.MAX;
      return scopes(day.district()).stream()
          .map(scope -> new PlanInput(scope, day.stationId(), never, END_OF_INPUT, 0)).toList();
    }
    return day.aggregates().stream().flatMap(a -> of(a).stream()).toList();
  }

  /** Whether this is a station's end-of-input marker rather than a value. */
  public boolean endOfInput() {
    return END_OF_INPUT.equals(input);
  }

  private static List<String> scopes(String district) {
    return district == null || district.isBlank() ? List.of(CITY) : List.of(district, CITY);
  }

  /** The inputs of an aggregate: one for its district and one for the city; none if it is not a daily AQI input. */
  static List<PlanInput> of(Aggregate a) {
    if (a == null || !a.getValid() || a.getValue() == null || a.getDistrict() == null || a.getDistrict().isBlank()) {
      return List.of();
    }
    String input = switch (a.getStatistic()) {
      case "DAILY_MEAN" -> DAILY_MEAN_INPUTS.get(a.getParameter());
      case "O3_1H_MAX" -> "O3";
      case "O3_MDA8" -> "O3_8H";
      default -> null;
    };
    if (input == null) {
      return List.of();
    }
    LocalDate date = BeijingTime.date(a.getPeriodStart().toEpochMilli());
    return List.of(new PlanInput(a.getDistrict(), a.getStationId(), date, input, a.getValue()),
        new PlanInput(CITY, a.getStationId(), date, input, a.getValue()));
  }

  /** Serde for the repartition topic. */
  public static Serde<PlanInput> serde() {
    return StateSerde.of("plan input", (byte) 1, (out, p) -> {
      out.writeUTF(p.scope());
      out.writeUTF(p.stationId());
      out.writeLong(p.date().toEpochDay());
      out.writeUTF(p.input());
      out.writeDouble(p.value());
    }, in -> new PlanInput(in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readLong()), in.readUTF(),
        in.readDouble()));
  }
}
