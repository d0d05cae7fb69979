package org.envmon.standards.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.envmon.standards.noise.Leq.LevelSample;
import org.envmon.standards.noise.Leq.PeriodLevels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeqTest {
  private static final LocalDate DAY = LocalDate.of(2026, 5, 1);

  @Test
  void energyMeanOfEqualLevelsIsThatLevel() {
    assertThat(Leq.energyMean(new double[] {60, 60, 60})).isCloseTo(60.0, offset(1e-12));
  }

  @Test
  void energyMeanAgainstHandComputedValues() {
    // 10 log10((10^5 + 10^6) / 2) = 10 log10(550000) = 57.4036...
    assertThat(Leq.energyMean(new double[] {50, 60})).isCloseTo(57.40362689494244, offset(1e-9));
    // 10 log10((10^5.5 + 10^6 + 10^5.8) / 3) = 10 log10(649061.7) = 58.1229
    assertThat(Leq.energyMean(new double[] {55, 60, 58})).isCloseTo(58.1228, offset(1e-4));
    // NaN entries are skipped; 40 and 80 -> 10 log10((10^4 + 10^8) / 2) = 76.9901
    assertThat(Leq.energyMean(new double[] {70, Double.NaN})).isCloseTo(70.0, offset(1e-12));
    assertThat(Leq.energyMean(new double[] {40, 80})).isCloseTo(76.9901, offset(1e-4));
  }

  @Test
  void energyMeanIsNotTheArithmeticMean() {
    assertThat(Leq.energyMean(new double[] {40, 80})).isGreaterThan(60);
  }

  @Test
  void energyMeanOfNothingIsAnError() {
    assertThatThrownBy(() -> Leq.energyMean(new double[] {Double.NaN}))
        .hasMessageContaining("Leq of no levels");
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
      "2026-05-01T05:59, 2026-04-30, NIGHT",
      "2026-05-01T06:00, 2026-05-01, DAY",
      "2026-05-01T21:59, 2026-05-01, DAY",
      "2026-05-01T22:00, 2026-05-01, NIGHT",
      "2026-05-01T23:59, 2026-05-01, NIGHT",
      "2026-05-02T00:00, 2026-05-01, NIGHT",
      "2026-05-02T05:30, 2026-05-01, NIGHT",
  })
  void nightIsFiledUnderTheDateItStarts(String time, String date, NoisePeriod period) {
    assertThat(NoisePeriodKey.of(LocalDateTime.parse(time)))
        .isEqualTo(new NoisePeriodKey(LocalDate.parse(date), period));
  }

  @Test
  void periodBounds() {
    NoisePeriodKey night = new NoisePeriodKey(DAY, NoisePeriod.NIGHT);
    assertThat(night.start()).isEqualTo(LocalDateTime.parse("2026-05-01T22:00"));
    assertThat(night.end()).isEqualTo(LocalDateTime.parse("2026-05-02T06:00"));
  }

  @Test
  void splitAcrossMidnight() {
    List<PeriodLevels> p = Leq.byPeriod(List.of(
        new LevelSample(LocalDateTime.parse("2026-05-01T21:00"), 62),
        new LevelSample(LocalDateTime.parse("2026-05-01T20:00"), 62),
        new LevelSample(LocalDateTime.parse("2026-05-01T22:00"), 50),
        new LevelSample(LocalDateTime.parse("2026-05-02T01:00"), 40),
        new LevelSample(LocalDateTime.parse("2026-05-02T05:00"), 70),
        new LevelSample(LocalDateTime.parse("2026-05-02T06:00"), 58)));
    assertThat(p).hasSize(3);
    assertThat(p.get(0).period()).isEqualTo(new NoisePeriodKey(DAY, NoisePeriod.DAY));
    assertThat(p.get(0).leq()).isCloseTo(62.0, offset(1e-9));
    assertThat(p.get(1).period()).isEqualTo(new NoisePeriodKey(DAY, NoisePeriod.NIGHT));
    assertThat(p.get(1).samples()).isEqualTo(3);
    assertThat(p.get(1).lmax()).isEqualTo(70.0);
    // 10 log10((10^5 + 10^4 + 10^7) / 3) = 65.2763
    assertThat(p.get(1).leq()).isCloseTo(10 * Math.log10((1e5 + 1e4 + 1e7) / 3), offset(1e-9));
    assertThat(p.get(1).leq()).isCloseTo(65.2763, offset(1e-4));
    assertThat(p.get(2).period()).isEqualTo(new NoisePeriodKey(DAY.plusDays(1), NoisePeriod.DAY));
  }

  @ParameterizedTest(name = "zone {0}: day {1}, night {2}, night Lmax {3}")
  @CsvSource({"0, 50, 40, 55", "1, 55, 45, 60", "2, 60, 50, 65", "3, 65, 55, 70", "4a, 70, 55, 70", "4b, 70, 60, 75"})
  void zoneLimitsFromTheCatalog(String zone, double day, double night, double lmax) {
    NoiseLimits limits = NoiseLimits.builtIn();
    assertThat(limits.leqLimit(DAY, zone, NoisePeriod.DAY).orElseThrow().limit()).isEqualTo(day);
    assertThat(limits.leqLimit(DAY, zone, NoisePeriod.NIGHT).orElseThrow().limit()).isEqualTo(night);
    assertThat(limits.lmaxNightLimit(DAY, zone).orElseThrow().limit()).isEqualTo(lmax);
    assertThat(limits.leqLimit(DAY, zone, NoisePeriod.NIGHT).orElseThrow().source()).contains("GB 3096-2008");
  }

  @Test
  void unknownZoneIsExplained() {
    assertThatThrownBy(() -> NoiseLimits.builtIn().leqLimit(DAY, "5", NoisePeriod.DAY))
        .hasMessageContaining("unknown GB 3096 zone class '5'");
    assertThat(NoiseLimits.zone("4A")).isEqualTo("4a");
  }
}
