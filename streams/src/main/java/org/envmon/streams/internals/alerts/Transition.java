package org.envmon.streams.internals.alerts;

import java.util.Objects;
import org.envmon.schemas.AlertState;

/**
 * A change of an alert episode that is published: OPEN, ESCALATED or CLEARED.
 *
 * @param state        the state entered
 * @param severity     severity after the transition
 * @param episodeStart start of the episode's first exceeding period (part of the alert id)
 * @param periodStart  the period whose value caused the transition
 * @param observed     that value
 * @param threshold    the raise level (OPEN, ESCALATED) or the clear level (CLEARED)
 */
public record Transition(AlertState state, Severity severity, long episodeStart, long periodStart,
                         double observed, double threshold) {
  public Transition {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(severity, "severity");
    if (state == AlertState.NORMAL) {
      throw new IllegalArgumentException("NORMAL is never published");
    }
  }
}
