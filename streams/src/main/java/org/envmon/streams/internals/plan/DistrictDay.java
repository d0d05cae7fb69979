package org.envmon.streams.internals.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * The station values of one open day of a scope, per AQI input and station; a newer revision of
 * a station's value replaces the older one. Mutable: a scope's day takes one value per station
 * and input, and copying the day for each (as an immutable value would) made a day of n stations
 * cost O(n²), a large part of the stall when the bench's 1 000 stations closed a day together.
 *
 * @param values input name -> station id -> daily value (copied on construction)
 */
public record DistrictDay(Map<String, Map<String, Double>> values) {
  public DistrictDay {
    Map<String, Map<String, Double>> copy = new TreeMap<>();
    values.forEach((input, byStation) -> copy.put(input, new TreeMap<>(byStation)));
    values = copy;
  }

  /** An empty day. */
  public static DistrictDay empty() {
    return new DistrictDay(Map.of());
  }

  /** Sets a station's value of an input in this day. */
  public void put(String input, String stationId, double value) {
    values.computeIfAbsent(input, i -> new TreeMap<>()).put(stationId, value);
  }

  /** The scope's value of each input: the mean over its stations (HJ 663: average the stations first). */
  public Map<String, Double> means() {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((input, byStation) ->
        out.put(input, byStation.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    return out;
  }
}
