package org.envmon.ingest.loadgen;

import java.time.Duration;

/**
 * Progress of a load run.
 *
 * @param sent    readings handed to the publisher so far
 * @param total   readings the run will send
 * @param elapsed wall time since the first send
 */
public record LoadProgress(long sent, long total, Duration elapsed) {
  /** Readings per second handed over so far (acknowledgements may trail by the in-flight batches). */
  public double rate() {
    return sent / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }
}
