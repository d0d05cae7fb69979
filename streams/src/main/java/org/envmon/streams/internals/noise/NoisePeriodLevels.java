package org.envmon.streams.internals.noise;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import org.envmon.standards.noise.NoisePeriod;
import org.envmon.standards.noise.NoisePeriodKey;

/**
 * The hourly levels of one station's open day or night period (GB 3096: day 06-22, night 22-06,
 * a night filed under the date it starts), NaN for hours without a level.
 *
 * @param key       the period
 * @param levels    one slot per hour of the period, dB(A)
 * @param emissions how often the period's statistics were emitted; the next emission carries
 *                  this number as its revision
 */
public record NoisePeriodLevels(NoisePeriodKey key, double[] levels, int emissions) {
  public NoisePeriodLevels {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(levels, "levels");
  }

  /** An empty period. */
  public static NoisePeriodLevels open(NoisePeriodKey key) {
    double[] levels = new double[hoursOf(key)];
    Arrays.fill(levels, Double.NaN);
    return new NoisePeriodLevels(key, levels, 0);
  }

  /** Hours in a period: 16 by day, 8 at night. */
  public static int hoursOf(NoisePeriodKey key) {
    return (int) Duration.between(key.start(), key.end()).toHours();
  }

  /** The period with the level of the hour starting at {@code hourStart} (Beijing time) set. */
  public NoisePeriodLevels with(LocalDateTime hourStart, double levelDb) {
    int index = (int) Duration.between(key.start(), hourStart).toHours();
    if (index < 0 || index >= levels.length) {
      throw new IllegalArgumentException("hour " + hourStart + " is outside the " + key.period() + " period of "
          + key.date());
    }
    double[] copy = levels.clone();
    copy[index] = levelDb;
    return new NoisePeriodLevels(key, copy, emissions);
  }

  /** The same levels after one more emission. */
  public NoisePeriodLevels emitted() {
    return new NoisePeriodLevels(key, levels, emissions + 1);
  }

  /** Whether the period's statistics were emitted at least once. */
  public boolean wasEmitted() {
    return emissions > 0;
  }

  /** Hours with a level. */
  public int count() {
    return (int) Arrays.stream(levels).filter(l -> !Double.isNaN(l)).count();
  }

  /** Whether every hour has a level. */
  public boolean complete() {
    return count() == levels.length;
  }

  /** Largest level, NaN when none. */
  public double max() {
    return Arrays.stream(levels).filter(l -> !Double.isNaN(l)).max().orElse(Double.NaN);
  }

  /** Whether this is a night period. */
  public boolean night() {
    return key.period() == NoisePeriod.NIGHT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoisePeriodLevels other && key.equals(other.key) && Arrays.equals(levels, other.levels)
        && emissions == other.emissions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(levels), emissions);
  }

  @Override
  public String toString() {
    return "NoisePeriodLevels[" + key + ", " + Arrays.toString(levels) + ", emissions=" + emissions + "]";
  }
}
