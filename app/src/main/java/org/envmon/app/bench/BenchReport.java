package org.envmon.app.bench;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one benchmark run: printed one line each as they are measured, then judged
 * against the floors and summarised on one machine-readable line {@code BENCH {json}}.
 */
public final class BenchReport {
  private final PrintStream out;
  private final Map<String, Double> figures = new LinkedHashMap<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();

  public BenchReport(PrintStream out) {
    this.out = out;
  }

  /** Records the figure and prints its line. */
  public void add(Figure figure) {
    figures.put(figure.key(), figure.value());
    out.println(figure.line());
  }

  /** Records that a part of the bench did not run, and why. */
  public void skip(String part, String reason) {
    skipped.put(part, reason);
    out.println("bench: " + part + " skipped: " + reason);
  }

  public Map<String, Double> figures() {
    return Collections.unmodifiableMap(figures);
  }

  /** Prints one verdict line per floor, then the summary line. */
  public void finish(List<Floor> floors) {
    floors.forEach(f -> out.println(f.verdict(figures)));
    out.println(summaryLine(floors));
  }

  /**
   * {@code BENCH {"figures":{...},"floors":{...},"skipped":{...}}}: figures by key (null when not
   * a finite number), each floor's verdict by figure key (true, false, or null when not measured),
   * and the reason of every part that was skipped.
   */
  public String summaryLine(List<Floor> floors) {
    StringBuilder json = new StringBuilder("BENCH {\"figures\":{");
    appendEntries(json, figures, BenchReport::number);
    json.append("},\"floors\":{");
    Map<String, Optional<Boolean>> verdicts = new LinkedHashMap<>();
    floors.forEach(f -> verdicts.put(f.key(), f.met(figures)));
    appendEntries(json, verdicts, v -> v.map(String::valueOf).orElse("null"));
    json.append("},\"skipped\":{");
    appendEntries(json, skipped, BenchReport::string);
    return json.append("}}").toString();
  }

  private static <V> void appendEntries(StringBuilder json, Map<String, V> entries,
                                        java.util.function.Function<V, String> render) {
    String separator = "";
    for (Map.Entry<String, V> e : entries.entrySet()) {
      json.append(separator).append(string(e.getKey())).append(':').append(render.apply(e.getValue()));
      separator = ",";
    }
  }

  static String number(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "null";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString(value.longValue());
    }
    return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
  }

  static String string(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
