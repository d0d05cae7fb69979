package org.envmon.app.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Daily statistics and the HJ 633-2012 daily AQI, worked out with plain arithmetic from the
 * tables of ../shared/standards/REFERENCE.md, independently of the standards module.
 */
final class HandDaily {
  /** A daily statistic: value (null when no hour), the hours or windows it used, and validity. */
  record Stat(Double value, int count, boolean valid) {}

  private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};
  /** HJ 633-2012 Table 1 breakpoints (µg/m³; CO mg/m³). */
  private static final Map<String, double[]> BREAKPOINTS = new LinkedHashMap<>();

  static {
    BREAKPOINTS.put("SO2", new double[] {0, 50, 150, 475, 800, 1600, 2100, 2620});
    BREAKPOINTS.put("NO2", new double[] {0, 40, 80, 180, 280, 565, 750, 940});
    BREAKPOINTS.put("PM10", new double[] {0, 50, 150, 250, 350, 420, 500, 600});
    BREAKPOINTS.put("CO", new double[] {0, 2, 4, 14, 24, 36, 48, 60});
    BREAKPOINTS.put("O3_1H", new double[] {0, 160, 200, 300, 400, 800, 1000, 1200});
    BREAKPOINTS.put("O3_8H", new double[] {0, 100, 160, 215, 265, 800});
    BREAKPOINTS.put("PM2_5", new double[] {0, 35, 75, 115, 150, 250, 350, 500});
  }

  private HandDaily() {}

  /** Mean of the valid hours; valid with at least 20 (GB 3095 Table 4). */
  static Stat mean(double[] hours) {
    double sum = 0;
    int n = 0;
    for (double h : hours) {
      if (!Double.isNaN(h)) {
        sum += h;
        n++;
      }
    }
    return n == 0 ? new Stat(null, 0, false) : new Stat(sum / n, n, n >= 20);
  }

  /** Largest O3 hour; valid with 20 hours, or fewer when above the 1-h Grade II limit 200. */
  static Stat o3OneHourMax(double[] hours) {
    double max = Double.NaN;
    int n = 0;
    for (double h : hours) {
      if (!Double.isNaN(h)) {
        n++;
        max = Double.isNaN(max) ? h : Math.max(max, h);
      }
    }
    return n == 0 ? new Stat(null, 0, false) : new Stat(max, n, n >= 20 || max > 200);
  }

  /** Max of the 17 in-day 8-hour means (each needs 6 hours); valid with 14 windows or above 160. */
  static Stat mda8(double[] hours) {
    double max = Double.NaN;
    int windows = 0;
    for (int start = 0; start <= 16; start++) {
      double sum = 0;
      int n = 0;
      for (int h = start; h < start + 8; h++) {
        if (!Double.isNaN(hours[h])) {
          sum += hours[h];
          n++;
        }
      }
      if (n >= 6) {
        windows++;
        max = Double.isNaN(max) ? sum / n : Math.max(max, sum / n);
      }
    }
    return windows == 0 ? new Stat(null, 0, false) : new Stat(max, windows, windows >= 14 || max > 160);
  }

  /**
   * Daily AQI (HJ 633-2012) from the valid inputs: the five daily means, the O3 1-h maximum and
   * the MDA8 (scored by the O3 1-h IAQI above 800); null when no input is valid.
   */
  static Integer dailyAqi(Map<String, Stat> means, Stat o3Max, Stat mda8) {
    Integer aqi = null;
    for (String p : new String[] {"PM2_5", "PM10", "SO2", "NO2", "CO"}) {
      Stat s = means.get(p);
      if (s.valid()) {
        aqi = max(aqi, iaqi(p, s.value()));
      }
    }
    if (o3Max.valid()) {
      aqi = max(aqi, iaqi("O3_1H", o3Max.value()));
    }
    if (mda8.valid()) {
      if (mda8.value() <= 800) {
        aqi = max(aqi, iaqi("O3_8H", mda8.value()));
      } else if (o3Max.valid()) {
        aqi = max(aqi, iaqi("O3_1H", o3Max.value()));
      }
    }
    return aqi;
  }

  /** IAQI = (IH - IL) / (BPH - BPL) * (C - BPL) + IL, rounded up; 500 at and above the top breakpoint. */
  static int iaqi(String input, double concentration) {
    double[] bp = BREAKPOINTS.get(input);
    BigDecimal c = BigDecimal.valueOf(concentration);
    int top = bp.length - 1;
    if (c.compareTo(BigDecimal.valueOf(bp[top])) >= 0) {
      return IAQI[top];
    }
    int i = 0;
    while (c.compareTo(BigDecimal.valueOf(bp[i + 1])) > 0) {
      i++;
    }
    BigDecimal lo = BigDecimal.valueOf(bp[i]);
    BigDecimal span = BigDecimal.valueOf(bp[i + 1]).subtract(lo);
    // Exact decimal arithmetic: a concentration at a breakpoint must not round up past it.
    BigDecimal rise = BigDecimal.valueOf(IAQI[i + 1] - IAQI[i]).multiply(c.subtract(lo));
    return IAQI[i] + rise.divide(span, 0, RoundingMode.CEILING).intValueExact();
  }

  private static Integer max(Integer a, int b) {
    return a == null ? b : Math.max(a, b);
  }
}
