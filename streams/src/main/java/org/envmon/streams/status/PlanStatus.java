package org.envmon.streams.status;

import org.envmon.schemas.PlanProgress;

/** The latest year-to-date progress of a district or the city ({@code scope}) against one plan target. */
public record PlanStatus(String scope, String target, int year, String asOf, Double actual, double targetValue,
                         boolean onTrack, int days, String source, Integer redatedFrom) {
  static PlanStatus of(PlanProgress p) {
    return new PlanStatus(p.getScope(), p.getTarget(), p.getYear(), p.getAsOf().toString(), p.getActual(),
        p.getTargetValue(), p.getOnTrack(), p.getDays(), p.getSource(), p.getRedatedFrom());
  }
}
