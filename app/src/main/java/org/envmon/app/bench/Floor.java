package org.envmon.app.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A floor a benchmark figure must meet (issue #7): at least or at most a limit.
 *
 * @param key     summary key of the figure it judges
 * @param atLeast true when the figure must be at least {@code limit}, false when at most
 * @param limit   the limit
 * @param text    the floor as the issue states it
 * @param given   the figure and value the floor is stated at (e.g. the latency's load share), or
 *                null; a run measured at another value does not judge the floor
 */
public record Floor(String key, boolean atLeast, double limit, String text, Map.Entry<String, Double> given) {
  public Floor(String key, boolean atLeast, double limit, String text) {
    this(key, atLeast, limit, text, null);
  }

  /** The floors of issue #7, item 1. */
  public static final List<Floor> ISSUE_7 = List.of(
      new Floor(BenchKeys.PIPELINE_RATE, true, 50_000, "pipeline >= 50 000 readings/s with exactly-once"),
      new Floor(BenchKeys.PIPELINE_RATIO, true, 0.25, "pipeline >= 0.25 of the raw passthrough"),
      new Floor(BenchKeys.LATENCY_P99, false, 250, "p99 reading -> alert <= 250 ms at half load",
          Map.entry(BenchKeys.LATENCY_LOAD_SHARE, 0.5)),
      new Floor(BenchKeys.SINK_RATIO, true, 0.8, "InfluxDB sink >= 0.8 of raw line-protocol POST"),
      new Floor(BenchKeys.REPLAY_SECONDS, false, 90, "full Beijing replay <= 90 s"),
      new Floor(BenchKeys.PEAK_HEAP_MIB, false, 1024, "peak heap within 1 GiB"));

  /** Whether the figure meets the floor; empty when the run did not measure it. */
  public Optional<Boolean> met(Map<String, Double> figures) {
    Double value = figures.get(key);
    if (value == null || value.isNaN() || given != null && !given.getValue().equals(figures.get(given.getKey()))) {
      return Optional.empty();
    }
    return Optional.of(atLeast ? value >= limit : value <= limit);
  }

  /** {@code met}, {@code NOT MET} or {@code not measured}, with the floor. */
  public String verdict(Map<String, Double> figures) {
    String verdict = met(figures).map(ok -> ok ? "met" : "NOT MET").orElse("not measured");
    return String.format(Locale.ROOT, "bench: floor %-58s %s", text, verdict);
  }
}
