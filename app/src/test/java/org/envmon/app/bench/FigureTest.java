package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {
  @Test
  void largeAndWholeValuesHaveNoDecimalsSmallOnesThree() {
    assertThat(new Figure("k", "raw passthrough baseline", 22499.77, "readings/s", "").line())
        .isEqualTo("bench: raw passthrough baseline                   22,500 readings/s");
    assertThat(new Figure("k", "samples", 30, "", "3 probes never alerted").line())
        .isEqualTo("bench: samples                                           30             (3 probes never alerted)");
    assertThat(new Figure("k", "ratio", 1.25641, "", null).line())
        .isEqualTo("bench: ratio                                          1.256           ");
  }
}
