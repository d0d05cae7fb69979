package org.envmon.streams.internals.health;

import java.time.Duration;
import java.util.Objects;

/**
 * When a station counts as unhealthy (envmon's own policy, not a standard).
 *
 * @param windowHours   event-time hours looked back over for the cadence check (1-48)
 * @param minCoverage   fraction of those hours that must have data (0-1], e.g. 0.75
 * @param silentAfter   wall-clock time without any reading after which a station is silent
 * @param checkInterval how often the wall-clock punctuator looks for silent stations
 */
public record HealthPolicy(int windowHours, double minCoverage, Duration silentAfter, Duration checkInterval) {
  /** 75 % of the last 6 hours; silent after 2 h without data; checked every minute. */
  public static final HealthPolicy DEFAULT = new HealthPolicy(6, 0.75, Duration.ofHours(2), Duration.ofMinutes(1));

  public HealthPolicy {
    Objects.requireNonNull(silentAfter, "silentAfter");
    Objects.requireNonNull(checkInterval, "checkInterval");
    if (windowHours < 1 || windowHours > StationActivity.MAX_WINDOW_HOURS) {
      throw new IllegalArgumentException("health window must be 1.." + StationActivity.MAX_WINDOW_HOURS
          + " hours, got " + windowHours);
    }
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("health minimum coverage must be in (0, 1], got " + minCoverage);
    }
    if (silentAfter.isNegative() || silentAfter.isZero() || checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("health silentAfter and checkInterval must be positive, got "
          + silentAfter + " and " + checkInterval);
    }
  }
}
