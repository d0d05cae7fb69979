package org.envmon.ingest.http;

import java.util.concurrent.Semaphore;

/**
 * Bounds the readings handed to Kafka and not yet acknowledged. When Kafka falls behind, new
 * requests are refused (503 with Retry-After) instead of buffering without limit: the clients
 * keep their data and retry, nothing is lost in between.
 */
final class PublishPermits {
  private final Semaphore permits;
  private final int max;

  PublishPermits(int maxInFlightReadings) {
    if (maxInFlightReadings < 1) {
      throw new IllegalArgumentException("max in-flight readings must be at least 1, got " + maxInFlightReadings);
    }
    this.max = maxInFlightReadings;
    this.permits = new Semaphore(maxInFlightReadings);
  }

  /**
   * Takes permits for {@code records} records, or none if they are not all free. A request
   * larger than the whole budget takes the whole budget, so it runs alone rather than never.
   *
   * @return the permits taken (to {@link #release}), or 0 when the caller must back off
   */
  int tryAcquire(int records) {
    int n = Math.max(1, Math.min(records, max));
    return permits.tryAcquire(n) ? n : 0;
  }

  void release(int taken) {
    permits.release(taken);
  }
}
