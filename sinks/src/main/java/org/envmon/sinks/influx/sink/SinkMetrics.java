package org.envmon.sinks.influx.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink's meters, all tagged {@code sink=<name>}: {@code envmon.influx.points.written},
 * {@code envmon.influx.write.latency} (per acknowledged write), {@code envmon.influx.write.retries},
 * {@code envmon.influx.points.rejected}, {@code envmon.influx.records.deadlettered} and the gauge
 * {@code envmon.influx.lag} (records behind the end of the assigned partitions).
 */
final class SinkMetrics {
  private final Counter written;
  private final Timer latency;
  private final Counter retries;
  private final Counter rejected;
  private final Counter deadLettered;
  private final AtomicLong lag = new AtomicLong();

  SinkMetrics(MeterRegistry registry, String sinkName) {
    written = Counter.builder("envmon.influx.points.written").tag("sink", sinkName)
        .description("Points InfluxDB acknowledged").register(registry);
    latency = Timer.builder("envmon.influx.write.latency").tag("sink", sinkName)
        .description("Duration of acknowledged writes").register(registry);
    retries = Counter.builder("envmon.influx.write.retries").tag("sink", sinkName)
        .description("Writes repeated because InfluxDB was unavailable").register(registry);
    rejected = Counter.builder("envmon.influx.points.rejected").tag("sink", sinkName)
        .description("Points InfluxDB refused, sent to the sink DLQ").register(registry);
    deadLettered = Counter.builder("envmon.influx.records.deadlettered").tag("sink", sinkName)
        .description("Records sent to the sink DLQ (undecodable, unmappable or rejected)")
        .register(registry);
    Gauge.builder("envmon.influx.lag", lag, AtomicLong::get).tag("sink", sinkName)
        .description("Records not yet written, over the assigned partitions").register(registry);
  }

  void written(int points, Duration took) {
    written.increment(points);
    latency.record(took);
  }

  void retried() {
    retries.increment();
  }

  void rejected() {
    rejected.increment();
  }

  void deadLettered() {
    deadLettered.increment();
  }

  void lag(long records) {
    lag.set(records);
  }
}
