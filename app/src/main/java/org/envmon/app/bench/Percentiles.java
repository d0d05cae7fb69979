package org.envmon.app.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Order statistics of a latency sample by the nearest-rank method: the p-th percentile is the
 * smallest sample such that at least p % of the samples are not greater. No interpolation, so
 * every figure is a latency that was actually observed.
 *
 * @param count number of samples
 * @param p50   median, milliseconds
 * @param p99   99th percentile, milliseconds
 * @param max   largest sample, milliseconds
 */
public record Percentiles(int count, double p50, double p99, double max) {
  /**
   * @param samplesMillis at least one sample, in milliseconds; not modified
   * @throws IllegalArgumentException when there are no samples
   */
  public static Percentiles of(double[] samplesMillis) {
    if (samplesMillis.length == 0) {
      throw new IllegalArgumentException("no latency samples: nothing came back to measure");
    }
    double[] sorted = samplesMillis.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
  }

  /** Nearest rank: the sample at position ceil(p/100 * n), 1-based. */
  static double rank(double[] sorted, double percent) {
    int position = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(1, position) - 1];
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", p50, p99, max, count);
  }
}
