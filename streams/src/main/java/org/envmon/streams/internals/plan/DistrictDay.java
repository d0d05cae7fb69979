package org.envmon.streams.internals.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * The station values of one open day of a scope, per AQI input and station; a newer revision of
 * a station's value replaces the older one.
 *
 * @param values input name -> station id -> daily value
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

  /** The day with a station's value of an input set. */
  public DistrictDay with(String input, String stationId, double value) {
    Map<String, Map<String, Double>> copy = new TreeMap<>(values);
    Map<String, Double> byStation = new TreeMap<>(copy.getOrDefault(input, Map.of()));
    byStation.put(stationId, value);
    copy.put(input, byStation);
    return new DistrictDay(copy);
  }

  /** The scope's value of each input: the mean over its stations (HJ 663: average the stations first). */
  public Map<String, Double> means() {
    Map<String, Double> out = new TreeMap<>();
    values.forEach((input, byStation) ->
        out.put(input, byStation.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    return out;
  }
}
