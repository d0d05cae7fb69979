package org.envmon.streams.internals.alerts;

import java.util.Objects;

/**
 * One value to judge against one rule.
 *
 * @param periodStart start of the observed period, epoch millis UTC
 * @param revision    revision of the statistic (0 first, higher after late data)
 * @param value       the observed value
 * @param severity    severity the value deserves if it exceeds (rises with the exceedance)
 */
public record Observation(long periodStart, int revision, double value, Severity severity) {
  public Observation {
    Objects.requireNonNull(severity, "severity");
  }
}
