package org.envmon.sinks.influx.write;

import java.util.List;
import org.envmon.sinks.influx.point.LinePoint;

/** Writes points synchronously: returns only once InfluxDB has acknowledged the whole batch. */
public interface InfluxWriter extends AutoCloseable {
  /**
   * Writes the points.
   *
   * @throws InfluxWriteException classified as retryable (server unavailable) or rejected
   *     (the batch itself is bad)
   */
  void write(List<LinePoint> points) throws InfluxWriteException;

  /** Where the writer writes, for logs (never contains credentials). */
  String target();

  @Override
  void close();
}
