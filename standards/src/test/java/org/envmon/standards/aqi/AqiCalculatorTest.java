package org.envmon.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.envmon.standards.catalog.AqiScheme;
import org.envmon.standards.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AqiCalculatorTest {
  private static final LocalDate D2012 = LocalDate.of(2015, 5, 1);
  private static final LocalDate D2026 = LocalDate.of(2026, 5, 1);
  private final AqiCalculator calc = AqiCalculator.builtIn();

  @ParameterizedTest(name = "{0} = {1}: 2012 -> {2}, 2026 -> {3}")
  @CsvSource({
      "PM2_5_24H, 35, 50, 50",
      "PM2_5_24H, 50, 69, 80",
      "PM2_5_24H, 60, 82, 100",
      "PM2_5_24H, 75, 100, 114",
      "PM2_5_24H, 115, 150, 150",
      "PM2_5_24H, 150, 200, 200",
      "PM2_5_24H, 250, 300, 300",
      "PM2_5_24H, 500, 500, 500",
      "PM10_24H, 100, 75, 86",
      "PM10_24H, 150, 100, 112",
      "NO2_1H, 350, 115, 115",
  })
  void referenceOracles(String input, double c, int iaqi2012, int iaqi2026) {
    assertThat(calc.iaqi(D2012, input, c)).isEqualTo(iaqi2012);
    assertThat(calc.iaqi(D2026, input, c)).isEqualTo(iaqi2026);
  }

  static Stream<Arguments> everyBreakpoint() {
    Catalog catalog = Catalog.builtIn();
    return Stream.of(D2012, D2026).flatMap(date -> {
      AqiScheme s = catalog.aqiScheme(date);
      return s.breakpoints().entrySet().stream().flatMap(e -> {
        List<BigDecimal> bps = e.getValue();
        return java.util.stream.IntStream.range(0, bps.size())
            .mapToObj(i -> Arguments.of(date, e.getKey(), bps.get(i).doubleValue(), s.iaqiLevels().get(i)));
      });
    });
  }

  @ParameterizedTest(name = "{0} {1} at breakpoint {2} -> {3}")
  @MethodSource("everyBreakpoint")
  void exactBreakpointGivesExactlyItsLevel(LocalDate date, String input, double c, int level) {
    assertThat(calc.iaqi(date, input, c)).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} {1} just above breakpoint {2} -> {3} + 1")
  @MethodSource("everyBreakpoint")
  void justAboveBreakpointRoundsUpUnder2012(LocalDate date, String input, double c, int level) {
    if (!date.equals(D2012) || level == 500 || (input.equals("SO2_1H") && c >= 800)
        || (input.equals("O3_8H") && c >= 800)) {
      return; // top of the table, or handled by the special rules
    }
    assertThat(calc.iaqi(date, input, c + 0.001)).isEqualTo(level + 1);
  }

  @ParameterizedTest(name = "{0} {1}: just above breakpoint {2} rounds back to it under 2026")
  @MethodSource("everyBreakpoint")
  void justAboveBreakpointIsPreRoundedUnder2026(LocalDate date, String input, double c, int level) {
    if (!date.equals(D2026) || level == 500) {
      return;
    }
    double belowHalfUnit = input.startsWith("CO") ? 0.04 : 0.4;
    assertThat(calc.iaqi(date, input, c + belowHalfUnit)).isEqualTo(level);
  }

  @Test
  void floatingPointDoesNotPushABreakpointUp() {
    // Binary floating point would give 100.00000000000001 -> 101 on some of these.
    assertThat(calc.iaqi(D2012, "PM2_5_24H", 75.0)).isEqualTo(100);
    assertThat(calc.iaqi(D2012, "CO_24H", 14.0)).isEqualTo(150);
    assertThat(calc.iaqi(D2012, "NO2_24H", 565)).isEqualTo(300);
    assertThat(calc.iaqi(D2012, "CO_1H", 0.3)).isEqualTo(3);
  }

  @Test
  void aboveTheTopBreakpointIsCappedAt500() {
    assertThat(calc.iaqi(D2012, "PM2_5_24H", 900)).isEqualTo(500);
    assertThat(calc.iaqi(D2026, "CO_1H", 200)).isEqualTo(500);
  }

  @Test
  void rounding2026PreRoundsHalfEvenThenCeils() {
    // 34.5 -> 34 (half-even) -> 48.57 -> 49; 35.5 -> 36 -> 52.
    assertThat(calc.iaqi(D2026, "PM2_5_24H", 34.5)).isEqualTo(49);
    assertThat(calc.iaqi(D2026, "PM2_5_24H", 35.5)).isEqualTo(52);
    // 2012 has no pre-rounding: 34.5 -> 49.29 -> 50; 35.5 -> 50.625 -> 51.
    assertThat(calc.iaqi(D2012, "PM2_5_24H", 34.5)).isEqualTo(50);
    assertThat(calc.iaqi(D2012, "PM2_5_24H", 35.5)).isEqualTo(51);
    // CO to 0.1: 2.05 -> 2.0 (half-even) -> 50; 2.15 -> 2.2 -> 55.
    assertThat(calc.iaqi(D2026, "CO_24H", 2.05)).isEqualTo(50);
    assertThat(calc.iaqi(D2026, "CO_24H", 2.15)).isEqualTo(55);
  }

  @Test
  void editionSwitchesOnFirstOfMarch2026() {
    assertThat(calc.standard(LocalDate.of(2026, 2, 28))).isEqualTo("HJ 633-2012");
    assertThat(calc.standard(LocalDate.of(2026, 3, 1))).isEqualTo("HJ 633-2026");
    assertThat(calc.iaqi(LocalDate.of(2026, 2, 28), "PM2_5_24H", 75)).isEqualTo(100);
    assertThat(calc.iaqi(LocalDate.of(2026, 3, 1), "PM2_5_24H", 75)).isEqualTo(114);
  }

  @Test
  void so2HourAbove800Under2026Is200() {
    assertThat(calc.iaqi(D2026, "SO2_1H", 900)).isEqualTo(200);
    assertThat(calc.iaqi(D2026, "SO2_1H", 800)).isEqualTo(200);
    // 800.4 rounds to 800 first, so the ordinary table applies and also gives 200.
    assertThat(calc.iaqi(D2026, "SO2_1H", 800.4)).isEqualTo(200);
  }

  @Test
  void so2HourAbove800Under2012UsesThe24HourIaqi() {
    Map<String, Double> in = hourInputs();
    in.put("SO2", 900.0);
    in.put("SO2_24H", 200.0);
    AqiResult r = calc.hourly(D2012, in);
    assertThat(r.iaqi()).containsEntry("SO2", calc.iaqi(D2012, "SO2_24H", 200)).containsEntry("SO2", 108);
    assertThat(r.aqi()).isEqualTo(108);
    assertThat(r.primaryPollutants()).containsExactly("SO2");
    assertThatThrownBy(() -> calc.iaqi(D2012, "SO2_1H", 900))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SO2 24-h mean");
  }

  @Test
  void so2HourAbove800Under2012WithoutThe24HourMeanIsMissing() {
    Map<String, Double> in = hourInputs();
    in.put("SO2", 900.0);
    AqiResult r = calc.hourly(D2012, in);
    assertThat(r.missing()).containsExactly("SO2");
    assertThat(r.iaqi()).doesNotContainKey("SO2");
  }

  @Test
  void o3EightHourAbove800() {
    assertThat(calc.iaqi(D2026, "O3_8H", 900)).isEqualTo(300);
    Map<String, Double> in = dayInputs();
    in.put("O3_8H", 900.0);
    in.put("O3", 1000.0);
    AqiResult r2012 = calc.daily(D2012, in);
    assertThat(r2012.iaqi()).containsEntry("O3_8H", calc.iaqi(D2012, "O3_1H", 1000)).containsEntry("O3_8H", 400);
    assertThat(r2012.aqi()).isEqualTo(400);
    assertThat(r2012.primaryPollutants()).containsExactly("O3", "O3_8H");
    AqiResult r2026 = calc.daily(D2026, in);
    assertThat(r2026.iaqi()).containsEntry("O3_8H", 300).doesNotContainKey("O3");
    assertThat(r2026.aqi()).isEqualTo(300);
  }

  @Test
  void dailyExampleFromTheIssue() {
    Map<String, Double> in = Map.of("PM2_5", 75.0, "PM10", 150.0, "SO2", 10.0, "NO2", 40.0, "CO", 0.8,
        "O3_8H", 120.0);
    AqiResult r = calc.daily(D2026, in);
    assertThat(r.standard()).isEqualTo("HJ 633-2026");
    assertThat(r.iaqi()).containsExactlyInAnyOrderEntriesOf(Map.of("PM2_5", 114, "PM10", 112, "SO2", 10,
        "NO2", 50, "CO", 20, "O3_8H", 67));
    assertThat(r.aqi()).isEqualTo(114);
    assertThat(r.level()).isEqualTo(3);
    assertThat(r.category()).isEqualTo("轻度污染");
    assertThat(r.colour()).isEqualTo("#FF7E00");
    assertThat(r.primaryPollutants()).containsExactly("PM2_5");
    assertThat(r.missing()).isEmpty();

    assertThat(calc.exceedingPollutants(D2026, r)).as("concept deleted in 2026").isEmpty();

    AqiResult old = calc.daily(D2012, in);
    assertThat(old.standard()).isEqualTo("HJ 633-2012");
    assertThat(old.aqi()).isEqualTo(100);
    assertThat(old.primaryPollutants()).containsExactlyInAnyOrder("PM2_5", "PM10");
    assertThat(old.missing()).containsExactly("O3"); // the 2012 daily set includes the O3 1-h max
    assertThat(calc.exceedingPollutants(D2012, old)).as("IAQI 100 is not above 100").isEmpty();
    AqiResult worse = calc.daily(D2012, Map.of("PM2_5", 76.0, "PM10", 150.0, "SO2", 10.0));
    assertThat(calc.exceedingPollutants(D2012, worse)).containsExactly("PM2_5");
  }

  @Test
  void primaryPollutantOnlyAbove50() {
    Map<String, Double> in = Map.of("PM2_5", 35.0, "PM10", 50.0, "SO2", 5.0, "NO2", 10.0, "CO", 0.2,
        "O3", 30.0);
    AqiResult r = calc.hourly(D2026, in);
    assertThat(r.aqi()).isEqualTo(50);
    assertThat(r.category()).isEqualTo("优");
    assertThat(r.colour()).isEqualTo("#00E400");
    assertThat(r.primaryPollutants()).isEmpty();
  }

  @ParameterizedTest(name = "AQI {0} -> level {1} {2} {3}")
  @CsvSource({
      "0, 1, 优, #00E400", "50, 1, 优, #00E400", "51, 2, 良, #FFFF00", "100, 2, 良, #FFFF00",
      "101, 3, 轻度污染, #FF7E00", "150, 3, 轻度污染, #FF7E00", "151, 4, 中度污染, #FF0000",
      "200, 4, 中度污染, #FF0000", "201, 5, 重度污染, #99004C", "300, 5, 重度污染, #99004C",
      "301, 6, 严重污染, #7E0023", "500, 6, 严重污染, #7E0023",
  })
  void categories(int aqi, int level, String category, String colour) {
    var c = calc.category(aqi);
    assertThat(c.level()).isEqualTo(level);
    assertThat(c.category()).isEqualTo(category);
    assertThat(c.colour()).isEqualTo(colour);
  }

  @Test
  void missingPollutant2026PublishesOnlyAbove100() {
    Map<String, Double> low = hourInputs();
    low.remove("CO");
    AqiResult r = calc.hourly(D2026, low);
    assertThat(r.aqi()).isNull();
    assertThat(r.published()).isFalse();
    assertThat(r.category()).isNull();
    assertThat(r.missing()).containsExactly("CO");
    assertThat(r.iaqi()).containsKeys("PM2_5", "PM10", "SO2", "NO2", "O3");

    Map<String, Double> high = new HashMap<>(low);
    high.put("PM2_5", 80.0); // 2026: 100 + ceil(50 * 20 / 55) = 119
    AqiResult h = calc.hourly(D2026, high);
    assertThat(h.aqi()).isEqualTo(119);
    assertThat(h.missing()).containsExactly("CO");
    assertThat(h.primaryPollutants()).containsExactly("PM2_5");

    Map<String, Double> exactly100 = new HashMap<>(low);
    exactly100.put("PM2_5", 60.0);
    assertThat(calc.hourly(D2026, exactly100).aqi()).isNull();
  }

  @Test
  void missingPollutant2012ComputesFromTheRest() {
    Map<String, Double> low = hourInputs();
    low.remove("CO");
    AqiResult r = calc.hourly(D2012, low);
    assertThat(r.aqi()).isEqualTo(57);
    assertThat(r.missing()).containsExactly("CO");
  }

  @Test
  void nothingPresentIsNotPublished() {
    AqiResult r = calc.daily(D2012, Map.of());
    assertThat(r.aqi()).isNull();
    assertThat(r.missing()).containsExactly("SO2", "NO2", "PM10", "CO", "O3", "O3_8H", "PM2_5");
  }

  @Test
  void hourlyScoresPmAgainstDailyBreakpoints() {
    AqiResult r = calc.hourly(D2026, hourInputs());
    assertThat(r.iaqi()).containsEntry("PM2_5", calc.iaqi(D2026, "PM2_5_24H", 40));
    assertThat(r.iaqi()).containsEntry("NO2", calc.iaqi(D2026, "NO2_1H", 60));
    assertThat(r.iaqi()).containsEntry("O3", calc.iaqi(D2026, "O3_1H", 100));
  }

  @Test
  void badInputIsRejectedWithItsName() {
    assertThatThrownBy(() -> calc.iaqi(D2012, "PM25_24H", 10))
        .hasMessageContaining("unknown AQI input 'PM25_24H'");
    assertThatThrownBy(() -> calc.iaqi(D2012, "PM2_5_24H", -1))
        .hasMessageContaining("PM2_5_24H concentration must be a non-negative number");
    assertThatThrownBy(() -> calc.daily(D2012, Map.of("PM25", 10.0)))
        .hasMessageContaining("unknown daily AQI input 'PM25'");
  }

  @Test
  void otherParametersAreIgnored() {
    Map<String, Double> in = hourInputs();
    in.put("NOX", 900.0);
    in.put("TSP", 900.0);
    assertThat(calc.hourly(D2012, in)).isEqualTo(calc.hourly(D2012, hourInputs()));
  }

  private static Map<String, Double> hourInputs() {
    // 2012 IAQIs: PM2_5 57, PM10 35, SO2 4, NO2 30, CO 5, O3 32
    Map<String, Double> m = new HashMap<>();
    m.put("PM2_5", 40.0);
    m.put("PM10", 35.0);
    m.put("SO2", 12.0);
    m.put("NO2", 60.0);
    m.put("CO", 0.5);
    m.put("O3", 100.0);
    return m;
  }

  private static Map<String, Double> dayInputs() {
    Map<String, Double> m = new HashMap<>();
    m.put("PM2_5", 40.0);
    m.put("PM10", 35.0);
    m.put("SO2", 12.0);
    m.put("NO2", 30.0);
    m.put("CO", 0.5);
    m.put("O3", 100.0);
    m.put("O3_8H", 80.0);
    return m;
  }

  @Test
  void pollutantOfABreakpointColumnDropsOnlyTheAveragingSuffix() {
    org.assertj.core.api.Assertions.assertThat(java.util.stream.Stream.of("SO2_24H", "SO2_1H", "O3_8H", "PM2_5_24H",
            "PM2_5", "CO_1H", "NO2").map(AqiCalculator::pollutantOf).toList())
        .containsExactly("SO2", "SO2", "O3", "PM2_5", "PM2_5", "CO", "NO2");
  }
}
