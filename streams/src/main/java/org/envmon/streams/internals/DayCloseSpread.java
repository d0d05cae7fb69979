package org.envmon.streams.internals;

import java.time.Duration;

/**
 * When each station closes its day: its own fixed offset, a multiple of {@link #STEP} strictly
 * between 0 and the spread, after the day's end plus the grace. Stations whose clocks move
 * together (minute data in real time, a replay, the bench's load) would otherwise all close their
 * days at the same reading: 1 000 stations' daily statistics, daily AQI, daily rules and plan
 * inputs at once, ahead of every other station's readings in the partition (the reading-to-alert
 * latency's worst second of the day, docs/benchmarks.md, eleventh round). The offset depends on the station id only, so it is the same
 * after a restart and on every instance. The daily stage sees a station's clock only in the
 * hourly stage's clock ticks, so with a spread the hourly stage ticks every {@link #STEP} too
 * ({@link #tickIntervalMs}), not only at each hour's close. No offset is 0 or the spread itself:
 * with a grace of whole hours (the default 2 h) no station closes its day at an hour's close, the
 * other heavy moment (with a 1 h spread the offsets are 10, 20, 30, 40 and 50 minutes).
 */
public final class DayCloseSpread {
  /** Offsets are multiples of this; with a spread, station clocks tick this often. */
  public static final Duration STEP = Duration.ofMinutes(10);
  private static final long STEP_MS = STEP.toMillis();
  /** Fibonacci hashing: sequential ids (load-00001, load-00002 ...) land far apart. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** How many offsets there are: the steps strictly inside the spread. */
  private final long offsets;

  public DayCloseSpread(Duration spread) {
    if (spread == null || spread.isNegative()) {
      throw new IllegalArgumentException("the day-close spread must be zero or more (got " + spread + ")");
    }
    long steps = spread.toMillis() / STEP_MS;
    this.offsets = spread.toMillis() % STEP_MS == 0 ? steps - 1 : steps;
  }

  /** No spread: every station closes its day at the day's end plus the grace. */
  public static DayCloseSpread none() {
    return new DayCloseSpread(Duration.ZERO);
  }

  /**
   * The station's offset: a multiple of {@link #STEP} strictly between 0 and the spread; 0 when
   * fewer than two fit (a spread of 20 minutes or less).
   */
  public long offsetMs(String station) {
    if (offsets < 2) {
      return 0;
    }
    long mixed = (station.hashCode() & 0xFFFFFFFFL) * GOLDEN;
    return (1 + Long.remainderUnsigned(mixed >>> 32, offsets)) * STEP_MS;
  }

  /** How often the hourly stage must tick a station's clock: every step with a spread, else at each hour's close. */
  public long tickIntervalMs() {
    return offsets < 2 ? BeijingTime.HOUR_MS : STEP_MS;
  }
}
