package org.envmon.ingest.core;

/**
 * How fast one station may send: a token bucket that refills at {@code perSecond} and holds at
 * most {@code burst}. A station that was quiet may send {@code burst} at once, then
 * {@code perSecond} on average.
 *
 * @param perSecond sustained rate (packets or readings per second), 0.01 .. 1 000 000
 * @param burst     what may be sent at once after a quiet spell, 1 .. 1 000 000
 */
public record StationRate(double perSecond, int burst) {
  static final double MIN_PER_SECOND = 0.01;
  static final double MAX_PER_SECOND = 1_000_000;
  static final int MAX_BURST = 1_000_000;

  public StationRate {
    if (!(perSecond >= MIN_PER_SECOND && perSecond <= MAX_PER_SECOND)) {
      throw new IllegalArgumentException("station rate must be " + MIN_PER_SECOND + " .. " + (long) MAX_PER_SECOND
          + " per second, got " + perSecond);
    }
    if (burst < 1 || burst > MAX_BURST) {
      throw new IllegalArgumentException("station burst must be 1 .. " + MAX_BURST + ", got " + burst);
    }
  }

  /** Nanoseconds one unit costs: the interval at which the bucket gains one token. */
  long nanosPerUnit() {
    return Math.max(1, Math.round(1e9 / perSecond));
  }
}
