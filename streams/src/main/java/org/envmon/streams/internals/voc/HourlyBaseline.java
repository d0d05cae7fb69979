package org.envmon.streams.internals.voc;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The recent hourly values of one (station, compound): a ring with one slot per hour of the
 * baseline (slot = epoch hour mod size), so adding is O(1) and old hours are overwritten.
 *
 * @param hours  epoch hour of each slot, {@link Long#MIN_VALUE} when empty
 * @param values value of each slot
 */
public record HourlyBaseline(long[] hours, double[] values) {
  public HourlyBaseline {
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(values, "values");
    if (hours.length != values.length || hours.length == 0) {
      throw new IllegalArgumentException("baseline slots must be non-empty and of equal length");
    }
  }

  /** An empty baseline of {@code size} hours. */
  public static HourlyBaseline empty(int size) {
    long[] hours = new long[size];
    Arrays.fill(hours, Long.MIN_VALUE);
    return new HourlyBaseline(hours, new double[size]);
  }

  /** The baseline with the value of {@code epochHour} recorded. */
  public HourlyBaseline with(long epochHour, double value) {
    int slot = (int) Math.floorMod(epochHour, (long) hours.length);
    if (hours[slot] > epochHour) {
      return this; // an hour older than the one already in its slot is outside the baseline
    }
    long[] h = hours.clone();
    double[] v = values.clone();
    h[slot] = epochHour;
    v[slot] = value;
    return new HourlyBaseline(h, v);
  }

  /** Values of the {@code size} hours before {@code epochHour} (not including it). */
  public double[] before(long epochHour) {
    long from = epochHour - hours.length;
    return java.util.stream.IntStream.range(0, hours.length)
        .filter(i -> hours[i] >= from && hours[i] < epochHour)
        .mapToDouble(i -> values[i]).toArray();
  }

  /** Median of the values, empty when there are fewer than {@code minValues}. */
  public static OptionalDouble median(double[] values, int minValues) {
    if (values.length < Math.max(1, minValues)) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HourlyBaseline b && Arrays.equals(hours, b.hours) && Arrays.equals(values, b.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(hours) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "HourlyBaseline[" + hours.length + " slots]";
  }
}
