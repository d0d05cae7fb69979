package org.envmon.streams.internals.alerts;

import java.util.Optional;
import org.envmon.schemas.AlertState;

/**
 * The alert lifecycle of one (station, rule): NORMAL -> OPEN (after {@code pending} consecutive
 * exceedances) -> ESCALATED (each time the severity rises) -> CLEARED (value back on the good
 * side of the clear level) -> NORMAL. Pure and deterministic; observations already judged
 * (an older period, or the same period at the same or an older revision) change nothing, which
 * makes re-processing after a restart emit nothing twice.
 */
public final class AlertStateMachine {
  private AlertStateMachine() {}

  /** The state after an observation, and the transition to publish if there is one. */
  public record Step(Episode next, Optional<Transition> transition) {}

  /**
   * Judges one observation.
   *
   * @param current   state so far ({@link Episode#INITIAL} for a new key)
   * @param o         the observation
   * @param threshold raise and clear levels
   * @param pending   consecutive exceeding periods needed to open (1 = open at once)
   */
  public static Step advance(Episode current, Observation o, Threshold threshold, int pending) {
    if (pending < 1) {
      throw new IllegalArgumentException("pending must be at least 1, got " + pending);
    }
    if (current.alreadyJudged(o)) {
      return new Step(current, Optional.empty());
    }
    boolean newPeriod = current.lastPeriodStart() == Episode.NONE || o.periodStart() > current.lastPeriodStart();
    boolean exceeds = threshold.exceeds(o.value());
    if (!current.isOpen()) {
      if (!exceeds) {
        return new Step(new Episode(AlertState.NORMAL, Severity.INFO, Episode.NONE, 0, o.periodStart(),
            o.revision()), Optional.empty());
      }
      // A newer revision of a period already counted must not count twice towards the pending run.
      int consecutive = newPeriod ? current.consecutive() + 1 : Math.max(current.consecutive(), 1);
      long runStart = current.consecutive() == 0 ? o.periodStart() : current.episodeStart();
      if (consecutive < pending) {
        return new Step(new Episode(AlertState.NORMAL, Severity.INFO, runStart, consecutive, o.periodStart(),
            o.revision()), Optional.empty());
      }
      Episode open = new Episode(AlertState.OPEN, o.severity(), runStart, 0, o.periodStart(), o.revision());
      return new Step(open, Optional.of(new Transition(AlertState.OPEN, o.severity(), runStart, o.periodStart(),
          o.value(), threshold.raise())));
    }
    if (threshold.clears(o.value())) {
      Episode normal = new Episode(AlertState.NORMAL, Severity.INFO, Episode.NONE, 0, o.periodStart(), o.revision());
      return new Step(normal, Optional.of(new Transition(AlertState.CLEARED, current.severity(),
          current.episodeStart(), o.periodStart(), o.value(), threshold.clear())));
    }
    if (exceeds && o.severity().compareTo(current.severity()) > 0) {
      Episode escalated = new Episode(AlertState.ESCALATED, o.severity(), current.episodeStart(), 0,
          o.periodStart(), o.revision());
      return new Step(escalated, Optional.of(new Transition(AlertState.ESCALATED, o.severity(),
          current.episodeStart(), o.periodStart(), o.value(), threshold.raise())));
    }
    return new Step(new Episode(current.state(), current.severity(), current.episodeStart(), 0, o.periodStart(),
        o.revision()), Optional.empty());
  }
}
