package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.StatisticResult;
import org.junit.jupiter.api.Test;

class AirStatisticsTest {
  private static final LocalDate OLD = LocalDate.of(2015, 7, 1);
  private static final LocalDate NEW = LocalDate.of(2026, 7, 1);
  private static final double NA = Double.NaN;
  private final AirStatistics air = AirStatistics.builtIn();

  @Test
  void hourlyMeanNeeds45Minutes() {
    assertThat(air.hourlyMeanValid(OLD, 45)).isTrue();
    assertThat(air.hourlyMeanValid(OLD, 44)).isFalse();
    assertThat(air.hourlyMeanValid(NEW, 60)).isTrue();
    assertThatThrownBy(() -> air.hourlyMeanValid(OLD, 61)).hasMessageContaining("sampleMinutes must be 0..60");
  }

  @Test
  void dailyMeanNeeds20Hours() {
    double[] h = constant(24, 10);
    for (int i = 0; i < 4; i++) {
      h[i] = NA;
    }
    h[10] = 30; // 19 tens and one 30 over 20 valid hours -> 11
    assertThat(air.dailyMean(NEW, Parameter.PM2_5, h))
        .isEqualTo(new StatisticResult(11.0, 20, 20, true, "GB 3095-2026"));
    h[4] = NA;
    assertThat(air.dailyMean(OLD, Parameter.PM2_5, h))
        .isEqualTo(new StatisticResult(210.0 / 19, 19, 20, false, "GB 3095-2012"));
  }

  @Test
  void dailyMeanOfNothingHasNoValue() {
    assertThat(air.dailyMean(OLD, Parameter.SO2, constant(24, NA)))
        .isEqualTo(new StatisticResult(null, 0, 20, false, "GB 3095-2012"));
  }

  @Test
  void dailyMeanRejectsWrongLength() {
    assertThatThrownBy(() -> air.dailyMean(OLD, Parameter.SO2, new double[23]))
        .hasMessageContaining("hourly24 must hold exactly 24 hourly means");
  }

  @Test
  void eightHourMeanNeedsSixHours() {
    double[] h = {100, 110, NA, 120, 130, NA, 140, 150};
    assertThat(air.movingMean(NEW, Parameter.O3, Statistic.ROLLING_8H, h))
        .isEqualTo(new StatisticResult(125.0, 6, 6, true, "GB 3095-2026"));
    h[0] = NA;
    StatisticResult five = air.movingMean(NEW, Parameter.O3, Statistic.ROLLING_8H, h);
    assertThat(five.valid()).isFalse();
    assertThat(five.count()).isEqualTo(5);
    assertThat(five.value()).isEqualTo(130.0);
  }

  @Test
  void twentyFourHourMovingMeanNeedsTwenty() {
    double[] h = constant(24, 50);
    Arrays.fill(h, 0, 4, NA);
    assertThat(air.movingMean(OLD, Parameter.PM10, Statistic.ROLLING_24H, h).valid()).isTrue();
    h[4] = NA;
    assertThat(air.movingMean(OLD, Parameter.PM10, Statistic.ROLLING_24H, h).valid()).isFalse();
    assertThatThrownBy(() -> air.movingMean(OLD, Parameter.PM10, Statistic.DAILY_MEAN, h))
        .hasMessageContaining("ROLLING_8H or ROLLING_24H");
  }

  @Test
  void mda8OfAFullDay() {
    double[] h = new double[24];
    for (int i = 0; i < 24; i++) {
      h[i] = i < 12 ? 10 * i : 10 * (23 - i); // rises to 110 at 11 and 12, then falls
    }
    // Best window 08-16: 80, 90, 100, 110, 110, 100, 90, 80 -> 95 (also 08..15 symmetric)
    StatisticResult r = air.mda8(OLD, h, 2);
    assertThat(r).isEqualTo(new StatisticResult(95.0, 17, 14, true, "GB 3095-2012"));
  }

  @Test
  void mda8WindowsOnlyInsideTheDayAndWindowsNeedSixHours() {
    double[] h = constant(24, 50);
    h[23] = 1000; // only the last window 16-24 sees it
    StatisticResult r = air.mda8(NEW, h, 2);
    assertThat(r.value()).isEqualTo((7 * 50 + 1000) / 8.0);
    // Three missing hours in 16-24 leave that window with 5 hours -> invalid window.
    h[17] = NA;
    h[18] = NA;
    h[19] = NA;
    StatisticResult gaps = air.mda8(NEW, h, 2);
    assertThat(gaps.count()).isEqualTo(17 - 5); // windows 12..16 contain all three gaps
    assertThat(gaps.value()).isEqualTo(50.0);
    assertThat(gaps.valid()).isFalse();
  }

  @Test
  void mda8With13WindowsIsValidOnlyAboveTheLimit() {
    double[] h = constant(24, 170);
    // Gaps at 8, 9, 13, 14: windows starting 6..9 hold three of them (5 hours left) -> 13 valid.
    for (int gap : new int[] {8, 9, 13, 14}) {
      h[gap] = NA;
    }
    StatisticResult above = air.mda8(OLD, h, 2);
    assertThat(above).isEqualTo(new StatisticResult(170.0, 13, 14, true, "GB 3095-2012"));

    double[] lower = constant(24, 150);
    for (int gap : new int[] {8, 9, 13, 14}) {
      lower[gap] = NA;
    }
    assertThat(air.mda8(OLD, lower, 2))
        .as("150 is not above the Grade II limit 160")
        .isEqualTo(new StatisticResult(150.0, 13, 14, false, "GB 3095-2012"));
    assertThat(air.mda8(OLD, lower, 1).valid()).as("150 is above the Grade I limit 100").isTrue();
  }

  @Test
  void mda8AtTheLimitWith13WindowsIsInvalid() {
    double[] h = constant(24, 160);
    for (int gap : new int[] {8, 9, 13, 14}) {
      h[gap] = NA;
    }
    assertThat(air.mda8(NEW, h, 2).valid()).as("exactly at the limit does not exceed it").isFalse();
  }

  @Test
  void o3Daily1hMax() {
    double[] h = constant(24, 40);
    h[15] = 210;
    assertThat(air.o3Daily1hMax(NEW, h)).isEqualTo(new StatisticResult(210.0, 24, 20, true, "GB 3095-2026"));
    Arrays.fill(h, 0, 10, NA);
    StatisticResult few = air.o3Daily1hMax(NEW, h);
    assertThat(few.count()).isEqualTo(14);
    assertThat(few.valid()).as("210 exceeds the 1-h limit 200 even with few hours").isTrue();
    h[15] = 150;
    assertThat(air.o3Daily1hMax(NEW, h).valid()).isFalse();
  }

  @Test
  void airGradeMustBeOneOrTwo() {
    assertThatThrownBy(() -> air.mda8(OLD, constant(24, 1), 3)).hasMessageContaining("airGrade must be 1 or 2");
  }

  private static double[] constant(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  private static double[] scaled(double[] a, double f) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= f;
    }
    return out;
  }
}
