package org.envmon.streams.internals.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A scope's day that was just closed, with the resulting year-to-date progress and the current
 * run of polluted days.
 *
 * @param scope       district or "city"
 * @param date        the closed Beijing day
 * @param progress    progress against every target the catalog has for the scope and plan year
 * @param pollutedRun daily AQIs of the consecutive polluted days ending at {@code date}
 */
public record ClosedDay(String scope, LocalDate date, List<TargetProgress> progress, List<Integer> pollutedRun) {
  public ClosedDay {
    progress = List.copyOf(progress);
    pollutedRun = List.copyOf(pollutedRun);
  }
}
