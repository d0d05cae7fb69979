package org.envmon.ingest.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a load run achieved.
 *
 * @param readings       readings acknowledged by Kafka
 * @param elapsed        wall time from the first send to the last acknowledgement
 * @param firstEventTime event time of the first round sent
 * @param lastEventTime  event time of the last round sent
 */
public record LoadResult(long readings, Duration elapsed, Instant firstEventTime, Instant lastEventTime) {
  /** Readings per second actually achieved. */
  public double achievedRate() {
    return readings / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }

  public String summary() {
    return String.format(Locale.ROOT, "%d readings acknowledged in %.3f s: %.0f readings/s (event time %s .. %s)",
        readings, elapsed.toNanos() / 1e9, achievedRate(), firstEventTime, lastEventTime);
  }
}
