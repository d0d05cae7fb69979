package org.envmon.standards.noise;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Equivalent continuous sound level: an energy mean of levels, never an arithmetic mean. */
public final class Leq {
  private Leq() {}

  /** A level measured at a Beijing local time, each sample covering the same duration. */
  public record LevelSample(LocalDateTime time, double levelDb) {}

  /** Leq and Lmax of one period. */
  public record PeriodLevels(NoisePeriodKey period, double leq, double lmax, int samples) {}

  /**
   * {@code 10 log10(mean(10^(L/10)))} of equal-duration levels; NaN entries are skipped.
   *
   * @throws IllegalArgumentException when no level is present
   */
  public static double energyMean(double[] levelsDb) {
    double sum = 0;
    int n = 0;
    for (double l : levelsDb) {
      if (!Double.isNaN(l)) {
        sum += Math.pow(10, l / 10.0);
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("Leq of no levels: give at least one dB(A) value");
    }
    return 10 * Math.log10(sum / n);
  }

  /**
   * Splits samples into day (06-22) and night (22-06) periods, nights filed under the date they
   * start, and gives each period's Leq and Lmax, in time order.
   */
  public static List<PeriodLevels> byPeriod(List<LevelSample> samples) {
    Map<NoisePeriodKey, List<Double>> grouped = new TreeMap<>(
        (a, b) -> a.start().compareTo(b.start()));
    for (LevelSample s : samples) {
      if (!Double.isNaN(s.levelDb())) {
        grouped.computeIfAbsent(NoisePeriodKey.of(s.time()), k -> new ArrayList<>()).add(s.levelDb());
      }
    }
    List<PeriodLevels> out = new ArrayList<>();
    grouped.forEach((key, levels) -> {
      double[] l = levels.stream().mapToDouble(Double::doubleValue).toArray();
      double max = levels.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      out.add(new PeriodLevels(key, energyMean(l), max, l.length));
    });
    return out;
  }
}
