package org.envmon.streams.internals.health;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;

/**
 * Judges one station's data delivery: low cadence on event time (too few hours with data in the
 * last window) and silence on wall-clock time (nothing arrived for a while). Either opens one
 * station-health episode; it clears when a reading arrives and the cadence is back.
 */
public final class StationHealth {
  private static final long HOUR_MS = 3_600_000L;

  private final HealthPolicy policy;

  /** The policy judged by. */
  public HealthPolicy policy() {
    return policy;
  }

  public StationHealth(HealthPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** New state and the transition to publish, if any. */
  public record Outcome(StationActivity activity, Optional<HealthChange> change) {}

  /** A reading of a station arrived. {@code before} is null for a station never seen. */
  public Outcome onReading(StationActivity before, long observedAt, long wallNow, String district, Medium medium) {
    long hour = Math.floorDiv(observedAt, HOUR_MS);
    StationActivity after = before == null
        ? StationActivity.first(hour, wallNow, district, medium)
        : before.withReading(hour, wallNow);
    double coverage = after.coverage(policy.windowHours());
    boolean enough = coverage >= policy.minCoverage();
    if (after.open() && enough) {
      return new Outcome(after.cleared(), Optional.of(new HealthChange(AlertState.CLEARED, after.episodeStart(),
          observedAt, coverage, "data is back: " + percent(coverage) + " of the last " + policy.windowHours()
          + " h have data")));
    }
    if (!after.open() && !enough) {
      long start = (after.newestHour() - policy.windowHours() + 1) * HOUR_MS;
      return new Outcome(after.opened(start), Optional.of(new HealthChange(AlertState.OPEN, start, observedAt,
          coverage, "only " + percent(coverage) + " of the last " + policy.windowHours() + " h have data (expected at least "
          + percent(policy.minCoverage()) + ")")));
    }
    return new Outcome(after, Optional.empty());
  }

  /**
   * The wall-clock check: a station with nothing for {@code silentAfter} is silent. Silence is
   * counted from {@code watchingSince} at the earliest (when this instance started), so a restart
   * after a long stop does not declare every station silent before its backlog is read.
   */
  public Outcome onTick(StationActivity activity, long wallNow, long watchingSince) {
    long since = Math.max(activity.lastArrivalWall(), watchingSince);
    long silentFor = wallNow - since;
    if (activity.open() || silentFor < policy.silentAfter().toMillis()) {
      return new Outcome(activity, Optional.empty());
    }
    long start = since;
    return new Outcome(activity.opened(start), Optional.of(new HealthChange(AlertState.OPEN, start, wallNow, 0,
        "no data for " + minutes(silentFor) + " (silent after " + minutes(policy.silentAfter().toMillis()) + ")")));
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }

  private static String minutes(long millis) {
    return Duration.ofMillis(millis).toMinutes() + " min";
  }
}
