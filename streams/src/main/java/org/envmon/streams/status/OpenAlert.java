package org.envmon.streams.status;

import org.envmon.schemas.Alert;

/** An alert episode that is OPEN or ESCALATED, as of its latest transition. */
public record OpenAlert(String alertId, String state, String severity, String station, String district,
                        String medium, String ruleId, String ruleSource, String parameter, String statistic,
                        Double observed, Double threshold, String periodStart, String episodeStart,
                        String transitionAt, String message, String standard) {
  static OpenAlert of(Alert a) {
    return new OpenAlert(a.getAlertId(), a.getState().name(), a.getSeverity(), a.getStationId(), a.getDistrict(),
        a.getMedium().name(), a.getRuleId(), a.getRuleSource(), a.getParameter(), a.getStatistic(), a.getObserved(),
        a.getThreshold(), a.getPeriodStart().toString(), a.getEpisodeStart().toString(),
        a.getTransitionAt().toString(), a.getMessage(), a.getStandard());
  }
}
