package org.envmon.ingest.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.envmon.ingest.core.RejectReason;

/**
 * Final counts of a replay; every line is accounted for: read = out of range + DLQ'd lines +
 * lines whose values were sent, missing or rejected one by one.
 *
 * @param files           files replayed
 * @param linesRead       data lines read
 * @param readingsSent    readings acknowledged by Kafka
 * @param missingValues   NA or empty values skipped
 * @param outOfRangeLines lines outside --from/--to
 * @param rejected        DLQ records per reason
 * @param firstEventTime  earliest event time replayed, or null if nothing was
 * @param lastEventTime   latest event time replayed, or null if nothing was
 * @param elapsed         wall time taken
 */
public record ReplayResult(int files, long linesRead, long readingsSent, long missingValues, long outOfRangeLines,
                           Map<RejectReason, Long> rejected, Instant firstEventTime, Instant lastEventTime,
                           Duration elapsed) {
  public ReplayResult {
    rejected = Map.copyOf(rejected);
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rejected(RejectReason reason) {
    return rejected.getOrDefault(reason, 0L);
  }

  /** One paragraph for the CLI. */
  public String summary() {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    String reasons = rejected.isEmpty() ? "" : rejected.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
    return String.format(java.util.Locale.ROOT,
        "replayed %d file(s), %d lines: %d readings sent, %d missing values skipped, %d lines outside the date"
            + " range, %d rejected to envmon.readings.dlq%s; event time %s .. %s; %.1f s (%.0f readings/s)",
        files, linesRead, readingsSent, missingValues, outOfRangeLines, rejectedTotal(), reasons, firstEventTime,
        lastEventTime, seconds, readingsSent / seconds);
  }
}
