package org.envmon.ingest.http;

import java.util.concurrent.Semaphore;
import org.envmon.ingest.core.KeyedCounts;

/**
 * Bounds the readings handed to Kafka and not yet acknowledged, over all requests and per
 * station. When Kafka falls behind, new requests are refused (503 with Retry-After) instead of
 * buffering without limit; a station that alone holds its share is refused (429) while the
 * others still get through. The clients keep their data and retry, nothing is lost in between.
 */
final class PublishPermits {
  /** Why nothing was taken. */
  enum Shortage {
    /** The station holds its share; the first such refusal since it last gave some back. */
    STATION_FIRST,
    /** The station holds its share, refused again in the same episode. */
    STATION,
    /** The whole budget is taken. */
    SERVER
  }

  /**
   * What {@link #tryAcquire} did: {@code permits} taken (to {@link #release}), or none and why.
   */
  record Taken(int permits, Shortage shortage) {
    boolean granted() {
      return shortage == null;
    }
  }

  private final Semaphore permits;
  private final int max;
  private final KeyedCounts perStation;

  PublishPermits(int maxInFlightReadings, int maxInFlightPerStation) {
    if (maxInFlightReadings < 1) {
      throw new IllegalArgumentException("max in-flight readings must be at least 1, got " + maxInFlightReadings);
    }
    this.max = maxInFlightReadings;
    this.permits = new Semaphore(maxInFlightReadings);
    this.perStation = new KeyedCounts(maxInFlightPerStation);
  }

  /**
   * Takes permits for {@code records} records of {@code station}, or none if they are not all
   * free. A request larger than the station's share (or the whole budget) takes all of it, so it
   * runs alone rather than never.
   */
  Taken tryAcquire(String station, int records) {
    int n = Math.max(1, Math.min(records, Math.min(max, perStation.cap())));
    KeyedCounts.Outcome share = perStation.tryAdd(station, n);
    if (!share.added()) {
      return new Taken(0, share == KeyedCounts.Outcome.REFUSED ? Shortage.STATION_FIRST : Shortage.STATION);
    }
    if (!permits.tryAcquire(n)) {
      perStation.subtract(station, n);
      return new Taken(0, Shortage.SERVER);
    }
    return new Taken(n, null);
  }

  void release(String station, int taken) {
    permits.release(taken);
    perStation.subtract(station, taken);
  }
}
