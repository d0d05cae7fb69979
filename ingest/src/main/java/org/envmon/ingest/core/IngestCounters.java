package org.envmon.ingest.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Objects;

/**
 * Per-path counts of accepted readings and of rejections per {@link RejectReason}, as micrometer
 * counters {@code envmon.ingest.accepted{source}} and {@code envmon.ingest.rejected{source,reason}}
 * so the status API and a Prometheus scrape see the same numbers.
 */
public final class IngestCounters {
  static final String ACCEPTED = "envmon.ingest.accepted";
  static final String REJECTED = "envmon.ingest.rejected";
  static final String THROTTLED = "envmon.ingest.throttled";

  private final MeterRegistry registry;

  public IngestCounters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Counters kept in memory only (tests, tools that print their own summary). */
  public static IngestCounters inMemory() {
    return new IngestCounters(new SimpleMeterRegistry());
  }

  public void accepted(String source, long count) {
    acceptedCounter(source).increment(count);
  }

  public void rejected(String source, RejectReason reason) {
    rejectedCounter(source, reason).increment();
  }

  /** A request a path refused for now (HTTP 429) because its station sent too much; the client retries it. */
  public void throttled(String source) {
    throttledCounter(source).increment();
  }

  public long throttledCount(String source) {
    return (long) throttledCounter(source).count();
  }

  public long acceptedCount(String source) {
    return (long) acceptedCounter(source).count();
  }

  public long rejectedCount(String source, RejectReason reason) {
    return (long) rejectedCounter(source, reason).count();
  }

  /** All rejections of one path, whatever the reason. */
  public long rejectedCount(String source) {
    return (long) registry.find(REJECTED).tag("source", source).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private Counter acceptedCounter(String source) {
    return Counter.builder(ACCEPTED).description("readings accepted into envmon.readings")
        .tag("source", source).register(registry);
  }

  private Counter throttledCounter(String source) {
    return Counter.builder(THROTTLED)
        .description("requests refused for now (HTTP 429) because their station exceeded its rate or in-flight share")
        .tag("source", source).register(registry);
  }

  private Counter rejectedCounter(String source, RejectReason reason) {
    return Counter.builder(REJECTED).description("inputs refused by ingest, sent to envmon.readings.dlq")
        .tag("source", source).tag("reason", reason.name()).register(registry);
  }
}
