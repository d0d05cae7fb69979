package org.envmon.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.envmon.standards.catalog.AqiScheme;
import org.envmon.standards.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** IAQI is non-decreasing in concentration and has no jumps beyond its slope and rounding. */
class IaqiPropertiesTest {
  private static final AqiCalculator CALC = AqiCalculator.builtIn();
  private static final Catalog CATALOG = Catalog.builtIn();

  private static final List<LocalDate> DATES = List.of(LocalDate.of(2015, 5, 1), LocalDate.of(2026, 5, 1));

  /**
   * A dense sweep of every AQI input of both editions: each step from c to c + delta must not
   * decrease the IAQI nor jump by more than the steepest segment allows. A fixed seed keeps the
   * deltas reproducible.
   */
  @Test
  void nonDecreasingAndContinuous() {
    Random random = new Random(20260301L);
    for (LocalDate date : DATES) {
      AqiScheme s = CATALOG.aqiScheme(date);
      for (String input : s.breakpoints().keySet()) {
        double top = top(date, input);
        double unit = s.preRoundDecimals().containsKey(pollutant(input))
            ? Math.pow(10, -s.preRoundDecimals().get(pollutant(input))) : 0;
        for (int i = 0; i < 3000; i++) {
          double c = (top - 0.01) * i / 3000.0;
          double delta = random.nextDouble() * 0.01;
          int lo = CALC.iaqi(date, input, c);
          int hi = CALC.iaqi(date, input, c + delta);
          // 2026 pre-rounds concentrations (to 1 or 0.1), which can move a value by one rounding unit.
          double allowed = 1 + Math.ceil(maxSlope(s, input) * (delta + unit));
          assertThat(hi).as("%s %s at %s", date, input, c).isGreaterThanOrEqualTo(lo);
          assertThat(hi - lo).as("%s %s at %s", date, input, c).isLessThanOrEqualTo((int) allowed);
          assertThat(lo).isBetween(0, 500);
        }
      }
    }
  }

  private static double top(LocalDate date, String input) {
    List<BigDecimal> bps = CATALOG.aqiScheme(date).breakpoints().get(input);
    return bps.get(bps.size() - 1).doubleValue();
  }

  private static double maxSlope(AqiScheme s, String input) {
    List<BigDecimal> bps = s.breakpoints().get(input);
    double max = 0;
    for (int i = 1; i < bps.size(); i++) {
      double rise = s.iaqiLevels().get(i) - s.iaqiLevels().get(i - 1);
      max = Math.max(max, rise / (bps.get(i).doubleValue() - bps.get(i - 1).doubleValue()));
    }
    return max;
  }

  private static String pollutant(String input) {
    return input.replaceFirst("_(24H|1H|8H)$", "");
  }
}
