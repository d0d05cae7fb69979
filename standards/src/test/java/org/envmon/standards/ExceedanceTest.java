package org.envmon.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.Rule;
import org.junit.jupiter.api.Test;

class ExceedanceTest {
  private final Catalog catalog = Catalog.builtIn();

  @Test
  void marginAboveAndBelow() {
    Rule pm = catalog.byId("GB3095-2026-T.PM2_5.DAILY_MEAN.II").orElseThrow();
    assertThat(Exceedance.of(pm, 72.5)).isEqualTo(new Exceedance(pm, 72.5, true, 12.5));
    assertThat(Exceedance.of(pm, 60).exceeded()).as("at the limit complies").isFalse();
    Rule dissolvedOxygen = catalog.byId("GB3838-2002.DO.WATER_CLASS.III").orElseThrow();
    assertThat(Exceedance.of(dissolvedOxygen, 4.0)).isEqualTo(new Exceedance(dissolvedOxygen, 4.0, true, 1.0));
    assertThat(Exceedance.of(dissolvedOxygen, 6.0).margin()).isEqualTo(-1.0);
  }

  @Test
  void invalidStatisticsAreNotJudged() {
    Rule pm = catalog.byId("GB3095-2012.PM2_5.DAILY_MEAN.II").orElseThrow();
    assertThat(Exceedance.of(pm, new StatisticResult(200.0, 10, 20, false, "GB 3095-2012"))).isEmpty();
    assertThat(Exceedance.of(pm, new StatisticResult(null, 0, 20, false, "GB 3095-2012"))).isEmpty();
    assertThat(Exceedance.of(pm, new StatisticResult(80.0, 24, 20, true, "GB 3095-2012")))
        .contains(new Exceedance(pm, 80.0, true, 5.0));
  }

  @Test
  void standardVersionByDate() {
    assertThat(StandardVersion.on(java.time.LocalDate.of(2026, 2, 28))).isEqualTo(StandardVersion.V2012);
    assertThat(StandardVersion.on(java.time.LocalDate.of(2026, 3, 1)).evaluation()).isEqualTo("HJ 663-2026");
  }
}
