package org.envmon.app.bench;

import java.time.Duration;

/**
 * Records moved in a wall time.
 *
 * @param records records processed
 * @param elapsed wall time it took
 */
record Throughput(long records, Duration elapsed) {
  double perSecond() {
    return records / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }

  double seconds() {
    return elapsed.toNanos() / 1e9;
  }
}
