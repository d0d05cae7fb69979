package org.envmon.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.envmon.standards.catalog.AqiScheme;
import org.envmon.standards.catalog.Catalog;

/** IAQI is non-decreasing in concentration and has no jumps beyond its slope and rounding. */
class IaqiPropertiesTest {
  private static final AqiCalculator CALC = AqiCalculator.builtIn();
  private static final Catalog CATALOG = Catalog.builtIn();

  record Case(LocalDate date, String input, double c, double delta) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<LocalDate> dates = Arbitraries.of(LocalDate.of(2015, 5, 1), LocalDate.of(2026, 5, 1));
    Arbitrary<String> inputs = Arbitraries.of(List.copyOf(CATALOG.aqiScheme(LocalDate.of(2015, 5, 1))
        .breakpoints().keySet()));
    return Combinators.combine(dates, inputs, Arbitraries.doubles().between(0, 1), Arbitraries.doubles()
        .between(0, 0.01)).as((date, input, fraction, delta) -> {
          double top = top(date, input);
          return new Case(date, input, fraction * (top - 0.01), delta);
        });
  }

  @Property(tries = 3000)
  void nonDecreasingAndContinuous(@ForAll("cases") Case k) {
    int lo = CALC.iaqi(k.date(), k.input(), k.c());
    int hi = CALC.iaqi(k.date(), k.input(), k.c() + k.delta());
    AqiScheme s = CATALOG.aqiScheme(k.date());
    // 2026 pre-rounds concentrations (to 1 or 0.1), which can move a value by one rounding unit.
    double unit = s.preRoundDecimals().containsKey(pollutant(k.input()))
        ? Math.pow(10, -s.preRoundDecimals().get(pollutant(k.input()))) : 0;
    double allowed = 1 + Math.ceil(maxSlope(s, k.input()) * (k.delta() + unit));
    assertThat(hi).isGreaterThanOrEqualTo(lo);
    assertThat(hi - lo).isLessThanOrEqualTo((int) allowed);
  }

  @Property(tries = 500)
  void withinZeroTo500(@ForAll("cases") Case k) {
    assertThat(CALC.iaqi(k.date(), k.input(), k.c())).isBetween(0, 500);
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
