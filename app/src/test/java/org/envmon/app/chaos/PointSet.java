package org.envmon.app.chaos;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.envmon.testkit.InfluxDbServer;

/**
 * The points of one InfluxDB measurement, keyed by their identity (measurement, tags, time) with
 * their field values. Two runs of the pipeline over the same input must produce equal point sets.
 *
 * @param measurement the measurement
 * @param points      point identity ({@code measurement,tag=v,... time}) to its fields by name
 */
record PointSet(String measurement, Map<String, Map<String, Object>> points) {
  PointSet {
    points = Collections.unmodifiableMap(new TreeMap<>(points));
  }

  /** Reads every point of {@code measurement} in {@code database} (none if it does not exist). */
  static PointSet read(InfluxDbServer influx, String database, String measurement) {
    Set<String> tagKeys = new TreeSet<>();
    influx.query(database, "SHOW TAG KEYS FROM \"" + measurement + "\"")
        .forEach(row -> tagKeys.add(String.valueOf(row.get("tagKey"))));
    Map<String, Map<String, Object>> points = new TreeMap<>();
    // GROUP BY * puts every tag into the row, next to time and the fields.
    for (Map<String, Object> row : influx.query(database, "SELECT * FROM \"" + measurement + "\" GROUP BY *")) {
      StringBuilder identity = new StringBuilder(measurement);
      Map<String, Object> fields = new TreeMap<>();
      for (String tag : tagKeys) {
        Object value = row.get(tag);
        if (value != null && !value.toString().isEmpty()) {
          identity.append(',').append(tag).append('=').append(value);
        }
      }
      row.forEach((column, value) -> {
        if (!tagKeys.contains(column) && !column.equals("time") && value != null) {
          fields.put(column, value);
        }
      });
      identity.append(' ').append(row.get("time"));
      points.put(identity.toString(), fields);
    }
    return new PointSet(measurement, points);
  }

  int size() {
    return points.size();
  }
}
