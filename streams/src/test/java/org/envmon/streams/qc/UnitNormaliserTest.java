package org.envmon.streams.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.envmon.standards.Parameter;
import org.junit.jupiter.api.Test;

class UnitNormaliserTest {
  private static final LocalDate AFTER_2018 = LocalDate.of(2019, 1, 1);
  private static final LocalDate BEFORE_2018 = LocalDate.of(2015, 1, 1);

  @Test
  void coInMicrogramsBecomesMilligrams() {
    assertThat(UnitNormaliser.toCanonical(Parameter.CO, 1200, "ug/m3", AFTER_2018)).hasValue(1.2);
    assertThat(UnitNormaliser.toCanonical(Parameter.CO, 1200, "µg/m³", AFTER_2018)).hasValue(1.2);
  }

  @Test
  void unitAlreadyCanonicalIsKept() {
    assertThat(UnitNormaliser.toCanonical(Parameter.PM2_5, 35, "ug/m3", AFTER_2018)).hasValue(35);
    assertThat(UnitNormaliser.toCanonical(Parameter.PM2_5, 0.035, "mg/m3", AFTER_2018).getAsDouble())
        .isCloseTo(35, within(1e-12));
  }

  @Test
  void ppbUsesTheMolarVolumeOfTheDate() {
    // NO2 100 ppb: 100 * 46.0055 / 24.465 at 298.15 K; / 22.414 at 273.15 K
    assertThat(UnitNormaliser.toCanonical(Parameter.NO2, 100, "ppb", AFTER_2018).getAsDouble())
        .isCloseTo(100 * 46.0055 / 24.465, within(1e-9));
    assertThat(UnitNormaliser.toCanonical(Parameter.NO2, 100, "ppb", BEFORE_2018).getAsDouble())
        .isCloseTo(100 * 46.0055 / 22.414, within(1e-9));
    assertThat(UnitNormaliser.toCanonical(Parameter.NO2, 100, "ppb", UnitNormaliser.REFERENCE_STATE_CHANGE)
        .getAsDouble()).isCloseTo(100 * 46.0055 / 24.465, within(1e-9));
  }

  @Test
  void coInPpmBecomesMilligrams() {
    assertThat(UnitNormaliser.toCanonical(Parameter.CO, 1, "ppm", AFTER_2018).getAsDouble())
        .isCloseTo(28.010 / 24.465, within(1e-9));
  }

  @Test
  void particlesHaveNoMixingRatioAndUnknownUnitsAreRefused() {
    assertThat(UnitNormaliser.toCanonical(Parameter.PM10, 10, "ppb", AFTER_2018)).isEmpty();
    assertThat(UnitNormaliser.toCanonical(Parameter.SO2, 10, "furlongs", AFTER_2018)).isEmpty();
  }
}
