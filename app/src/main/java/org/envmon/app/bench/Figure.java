package org.envmon.app.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * One measured figure of a benchmark run.
 *
 * @param key   key in the machine-readable summary, e.g. {@code pipeline_readings_per_s}
 * @param label what was measured, for the human-readable line
 * @param value the figure
 * @param unit  unit of the value, e.g. {@code readings/s}
 * @param note  how it was measured or what it is compared with; may be empty
 */
public record Figure(String key, String label, double value, String unit, String note) {
  public Figure {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(unit, "unit");
    note = note == null ? "" : note;
  }

  /** One line for people, e.g. {@code bench: pipeline throughput   52,310 readings/s  (EOS)}. */
  public String line() {
    String number = Math.abs(value) >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%,.3f", value);
    return String.format(Locale.ROOT, "bench: %-34s %14s %-10s%s", label, number, unit,
        note.isEmpty() ? "" : "  (" + note + ")");
  }
}
