package org.envmon.standards.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * Optional comparator index: US EPA AQI for PM2.5 with the 2024 breakpoints and the NowCast
 * (reference §8). Not a Chinese standard; for side-by-side display only.
 */
public final class UsEpaPm25 {
  // 40 CFR Part 58 App. G as revised 2024: PM2.5 24 h breakpoints (ug/m3) and index levels.
  private static final BigDecimal[] C_LO = decimals("0.0", "9.1", "35.5", "55.5", "125.5", "225.5");
  private static final BigDecimal[] C_HI = decimals("9.0", "35.4", "55.4", "125.4", "225.4", "325.4");
  private static final int[] I_LO = {0, 51, 101, 151, 201, 301};
  private static final int[] I_HI = {50, 100, 150, 200, 300, 500};
  private static final int NOWCAST_HOURS = 12;

  private UsEpaPm25() {}

  /**
   * The index of a PM2.5 concentration: truncated to 0.1 ug/m3, interpolated, rounded to the
   * nearest integer; 500 above the top breakpoint.
   */
  public static int aqi(double pm25) {
    if (Double.isNaN(pm25) || pm25 < 0) {
      throw new IllegalArgumentException("PM2.5 must be a non-negative number, got " + pm25);
    }
    BigDecimal c = BigDecimal.valueOf(pm25).setScale(1, RoundingMode.DOWN);
    for (int i = 0; i < C_LO.length; i++) {
      if (c.compareTo(C_HI[i]) <= 0) {
        BigDecimal rise = BigDecimal.valueOf(I_HI[i] - I_LO[i]);
        BigDecimal x = rise.multiply(c.subtract(C_LO[i])).divide(C_HI[i].subtract(C_LO[i]), 10, RoundingMode.HALF_UP);
        return I_LO[i] + x.setScale(0, RoundingMode.HALF_UP).intValueExact();
      }
    }
    return 500;
  }

  /**
   * NowCast of the last 12 hourly PM2.5 values, newest first ({@code NaN} = missing): weight
   * w = max(0.5, min/max), NowCast = sum(w^i c_i) / sum(w^i). Empty unless at least 2 of the 3
   * most recent hours are present.
   */
  public static OptionalDouble nowCast(double[] newestFirst) {
    if (newestFirst.length < 3) {
      throw new IllegalArgumentException("NowCast needs the last 12 hourly values (at least the last 3), got "
          + newestFirst.length);
    }
    int recent = 0;
    for (int i = 0; i < 3; i++) {
      recent += Double.isNaN(newestFirst[i]) ? 0 : 1;
    }
    if (recent < 2) {
      return OptionalDouble.empty();
    }
    int n = Math.min(NOWCAST_HOURS, newestFirst.length);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(newestFirst[i])) {
        min = Math.min(min, newestFirst[i]);
        max = Math.max(max, newestFirst[i]);
      }
    }
    double w = max <= 0 ? 1 : Math.max(0.5, 1 - (max - min) / max);
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(newestFirst[i])) {
        double wi = Math.pow(w, i);
        num += wi * newestFirst[i];
        den += wi;
      }
    }
    return OptionalDouble.of(num / den);
  }

  private static BigDecimal[] decimals(String... values) {
    BigDecimal[] out = new BigDecimal[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = new BigDecimal(values[i]);
    }
    return out;
  }
}
