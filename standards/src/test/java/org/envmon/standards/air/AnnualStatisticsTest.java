package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.envmon.standards.StatisticResult;
import org.junit.jupiter.api.Test;

class AnnualStatisticsTest {
  private final AnnualStatistics annual = AnnualStatistics.builtIn();

  @Test
  void fullYearIsValid() {
    Map<LocalDate, Double> days = year(2015, 27, 25);
    StatisticResult r = annual.annualMean(2015, days);
    assertThat(r.count()).isEqualTo(11 * 27 + 25);
    assertThat(r.valid()).as("322 days < 324").isFalse();

    Map<LocalDate, Double> more = year(2015, 28, 25); // 11*28 + 25 = 333
    StatisticResult ok = annual.annualMean(2015, more);
    assertThat(ok).isEqualTo(new StatisticResult(40.0, 333, 324, true, "GB 3095-2012"));
  }

  @Test
  void monthRuleFailsEvenWith324Days() {
    Map<LocalDate, Double> days = year(2027, 31, 28);
    // 365 days; now leave April with 26 days.
    for (int d = 27; d <= 30; d++) {
      days.remove(LocalDate.of(2027, 4, d));
    }
    StatisticResult r = annual.annualMean(2027, days);
    assertThat(r.count()).isEqualTo(361);
    assertThat(r.valid()).isFalse();
    assertThat(r.standard()).isEqualTo("GB 3095-2026");
  }

  @Test
  void februaryNeeds25() {
    assertThat(annual.annualMean(2015, year(2015, 31, 25)).valid()).isTrue();
    assertThat(annual.annualMean(2015, year(2015, 31, 24)).valid()).isFalse();
  }

  @Test
  void nanDaysDoNotCount() {
    Map<LocalDate, Double> days = year(2015, 31, 28);
    days.put(LocalDate.of(2015, 1, 1), Double.NaN);
    assertThat(annual.annualMean(2015, days).count()).isEqualTo(364);
  }

  @Test
  void daysOfAnotherYearAreRejected() {
    assertThatThrownBy(() -> annual.annualMean(2015, Map.of(LocalDate.of(2016, 1, 1), 3.0)))
        .hasMessageContaining("not in year 2015");
  }

  @Test
  void percentileHj663Linear() {
    double[] v = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
    // k = 1 + 9 * 0.9 = 9.1 -> x9 + 0.1 (x10 - x9) = 9.1
    assertThat(annual.percentile(v, 90)).isCloseTo(9.1, org.assertj.core.data.Offset.offset(1e-12));
    // k = 1 + 9 * 0.98 = 9.82 -> 9.82
    assertThat(annual.percentile(v, 98)).isCloseTo(9.82, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(annual.percentile(v, 100)).isEqualTo(10.0);
    assertThat(annual.percentile(v, 0)).isEqualTo(1.0);
    assertThat(annual.percentile(new double[] {7, Double.NaN}, 95)).isEqualTo(7.0);
  }

  @Test
  void nearestRankIsTheAlternative() {
    assertThat(Percentile.NEAREST_RANK.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90)).isEqualTo(9.0);
    assertThat(Percentile.NEAREST_RANK.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 91)).isEqualTo(10.0);
  }

  /** Every month gets its first {@code perMonth} days (February {@code feb}) at 40. */
  private static Map<LocalDate, Double> year(int year, int perMonth, int feb) {
    Map<LocalDate, Double> m = new LinkedHashMap<>();
    for (int month = 1; month <= 12; month++) {
      LocalDate first = LocalDate.of(year, month, 1);
      int n = Math.min(month == 2 ? feb : perMonth, first.lengthOfMonth());
      for (int d = 1; d <= n; d++) {
        m.put(LocalDate.of(year, month, d), 40.0);
      }
    }
    return m;
  }
}
