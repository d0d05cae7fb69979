package org.envmon.sinks.influx.sink;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of
 * min(initial * 2^n, max), so many sinks retrying against one recovering InfluxDB spread out.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    requireValid(initial, max);
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  static void requireValid(Duration initial, Duration max) {
    if (initial == null || max == null || initial.isNegative() || initial.isZero()
        || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got initial=" + initial
          + " max=" + max);
    }
  }

  /** The wait before retry number {@code attempt} (0 = first retry). */
  public Duration delay(int attempt) {
    long ceiling = initialMillis;
    for (int i = 0; i < attempt && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxMillis);
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }
}
