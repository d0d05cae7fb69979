package org.envmon.streams.internals.alerts;

import java.util.Objects;
import org.envmon.schemas.AlertState;

/**
 * What the alert state machine remembers per (station, rule) between observations; kept in a
 * changelogged store so a restart resumes exactly where it stopped.
 *
 * @param state           NORMAL (no open episode; CLEARED is a transition, after it the state is NORMAL),
 *                        OPEN or ESCALATED
 * @param severity        severity of the open episode (INFO while NORMAL)
 * @param episodeStart    start of the first exceeding period of the current run or episode, or
 *                        {@link #NONE} when there is none
 * @param consecutive     consecutive exceeding periods seen while NORMAL (pending count)
 * @param lastPeriodStart the newest period judged, or {@link #NONE}
 * @param lastRevision    revision of that period's statistic when judged
 */
public record Episode(AlertState state, Severity severity, long episodeStart, int consecutive,
                      long lastPeriodStart, int lastRevision) {
  /** Marks an absent time. */
  public static final long NONE = Long.MIN_VALUE;

  /** The state before anything was observed. */
  public static final Episode INITIAL = new Episode(AlertState.NORMAL, Severity.INFO, NONE, 0, NONE, -1);

  public Episode {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(severity, "severity");
    if (state == AlertState.CLEARED) {
      throw new IllegalArgumentException("CLEARED is a transition, not a resting state; store NORMAL after it");
    }
  }

  /** True while an episode is OPEN or ESCALATED. */
  public boolean isOpen() {
    return state == AlertState.OPEN || state == AlertState.ESCALATED;
  }

  /** True when this observation was judged already (older period, or same period and revision). */
  boolean alreadyJudged(Observation o) {
    if (lastPeriodStart == NONE) {
      return false;
    }
    return o.periodStart() < lastPeriodStart
        || (o.periodStart() == lastPeriodStart && o.revision() <= lastRevision);
  }
}
