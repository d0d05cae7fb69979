package org.envmon.sinks.influx.sink;

import java.time.Duration;
import java.util.List;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.write.InfluxWriteException;
import org.envmon.sinks.influx.write.InfluxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch and, while InfluxDB is unavailable or misconfigured, retries it for as long as
 * it takes: an hour of downtime loses nothing. Only a rejection (bad points) reaches the caller.
 */
final class PersistentWriter {
  /** How to spend the time between retries; the sink keeps polling Kafka meanwhile. */
  interface Pause {
    void pause(Duration delay) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(PersistentWriter.class);

  private final InfluxWriter writer;
  private final Backoff backoff;
  private final SinkMetrics metrics;

  PersistentWriter(InfluxWriter writer, Backoff backoff, SinkMetrics metrics) {
    this.writer = writer;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  /**
   * Returns once InfluxDB acknowledged the points.
   *
   * @throws InfluxWriteException only when InfluxDB rejected the batch
   */
  void write(List<LinePoint> points, Pause pause) throws InfluxWriteException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      long started = System.nanoTime();
      try {
        writer.write(points);
        metrics.written(points.size(), Duration.ofNanos(System.nanoTime() - started));
        if (attempt > 0) {
          LOG.info("InfluxDB {} accepted the batch again after {} retries", writer.target(), attempt);
        }
        return;
      } catch (InfluxWriteException e) {
        if (!e.retryable()) {
          throw e;
        }
        Duration delay = backoff.delay(attempt);
        metrics.retried();
        if (e.kind() == InfluxWriteException.Kind.MISCONFIGURED) {
          LOG.error("write of {} points refused, fix the InfluxDB setup; retry {} in {} ms: {}",
              points.size(), attempt + 1, delay.toMillis(), e.getMessage());
        } else {
          LOG.warn("write of {} points failed, retry {} in {} ms: {}", points.size(), attempt + 1,
              delay.toMillis(), e.getMessage());
        }
        pause.pause(delay);
      }
    }
  }
}
