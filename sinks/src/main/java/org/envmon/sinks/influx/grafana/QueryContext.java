package org.envmon.sinks.influx.grafana;

import java.time.Instant;
import java.util.Map;

/**
 * The concrete values Grafana would put in place of its macros.
 *
 * @param from      start of the dashboard time range ({@code $timeFilter}, {@code $__from})
 * @param to        end of the time range
 * @param interval  GROUP BY interval for {@code $__interval} / {@code $interval}, e.g. {@code 1h}
 * @param variables template variable values, e.g. {@code station -> Dongsi}
 */
public record QueryContext(Instant from, Instant to, String interval, Map<String, String> variables) {
  public QueryContext {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("time range must have from < to, got " + from + " .. " + to);
    }
    if (!interval.matches("\\d+(ms|s|m|h|d|w)")) {
      throw new IllegalArgumentException("interval '" + interval + "' is not an InfluxQL duration like 1h");
    }
    variables = Map.copyOf(variables);
  }

  /** The interval in milliseconds, for {@code $__interval_ms}. */
  long intervalMillis() {
    long n = Long.parseLong(interval.replaceAll("\\D", ""));
    return n * switch (interval.replaceAll("\\d", "")) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> 604_800_000L;
    };
  }
}
