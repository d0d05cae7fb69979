package org.envmon.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsEpaPm25Test {
  @ParameterizedTest(name = "PM2.5 {0} -> {1}")
  @CsvSource({"0, 0", "9.0, 50", "9.09, 50", "9.1, 51", "35.4, 100", "35.5, 101", "55.4, 150", "55.5, 151",
      "125.4, 200", "125.5, 201", "225.4, 300", "225.5, 301", "325.4, 500", "400, 500", "12.0, 56"})
  void breakpoints2024(double c, int aqi) {
    assertThat(UsEpaPm25.aqi(c)).isEqualTo(aqi);
  }

  @Test
  void nowCastReferenceExample() {
    double[] h = {40, 38, 35, 30, 28, 25, 20, 18, 15, 12, 10, 10};
    assertThat(UsEpaPm25.nowCast(h).orElseThrow()).isCloseTo(37.3, within(0.05));
  }

  @Test
  void nowCastNeedsTwoOfTheThreeLatestHours() {
    double nan = Double.NaN;
    assertThat(UsEpaPm25.nowCast(new double[] {nan, nan, 35, 30, 28, 25, 20, 18, 15, 12, 10, 10})).isEmpty();
    assertThat(UsEpaPm25.nowCast(new double[] {nan, 20, 20, nan, nan, nan, nan, nan, nan, nan, nan, nan})
        .orElseThrow()).isCloseTo(20.0, within(1e-12));
  }
}
