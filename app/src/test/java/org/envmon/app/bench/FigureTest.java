package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {
  /** Label padded to 34, number right-aligned in 14, unit padded to 10, then the note. */
  private static String line(String label, String number, String unit, String note) {
    return "bench: " + label + " ".repeat(34 - label.length()) + " " + " ".repeat(14 - number.length()) + number
        + " " + unit + " ".repeat(10 - unit.length()) + note;
  }

  @Test
  void largeAndWholeValuesHaveNoDecimalsSmallOnesThree() {
    assertThat(new Figure("k", "raw passthrough baseline", 22499.77, "readings/s", "").line())
        .isEqualTo(line("raw passthrough baseline", "22,500", "readings/s", ""));
    assertThat(new Figure("k", "samples", 30, "", "3 probes never alerted").line())
        .isEqualTo(line("samples", "30", "", "  (3 probes never alerted)"));
    assertThat(new Figure("k", "ratio", 1.25641, "", null).line())
        .isEqualTo(line("ratio", "1.256", "", ""));
    assertThat(new Figure("k", "p99", 99.96, "ms", "").line())
        .isEqualTo(line("p99", "99.960", "ms", ""));
  }
}
