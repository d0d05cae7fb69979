package org.envmon.app.e2e;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alert transitions expected for the GB 3095-2012 Grade II PM2.5 24-h limit (75 µg/m³) from a
 * station's daily means, following docs/pipeline-evaluation.md: only valid days are judged; a day
 * above 75 opens an episode; while open, a higher severity (warning above 75, major from 1.5 x,
 * critical from 2 x the limit) escalates it; a day at or below 90 % of the limit clears it.
 */
final class Pm25Episodes {
  static final String RULE = "GB3095-2012.PM2_5.DAILY_MEAN.II";
  private static final double LIMIT = 75;
  private static final double CLEAR = 0.9 * LIMIT;

  private Pm25Episodes() {}

  private static final String[] SEVERITIES = {"", "warning", "major", "critical"};

  /** Every transition in order, as {@code "<alertId> <state> <severity> <period start>"}. */
  static List<String> transitions(String station, Map<LocalDate, HandDaily.Stat> dailyMeans) {
    List<String> out = new ArrayList<>();
    String alertId = null;
    int severity = 0; // 0 none, 1 warning, 2 major, 3 critical
    for (Map.Entry<LocalDate, HandDaily.Stat> day : dailyMeans.entrySet()) {
      HandDaily.Stat s = day.getValue();
      if (!s.valid()) {
        continue;
      }
      double v = s.value();
      String period = " " + E2e.beijingDayStart(day.getKey());
      int level = v / LIMIT >= 2 ? 3 : v / LIMIT >= 1.5 ? 2 : 1;
      if (alertId == null) {
        if (v > LIMIT) {
          alertId = station + "|" + RULE + "|" + E2e.beijingDayStart(day.getKey());
          severity = level;
          out.add(alertId + " OPEN " + SEVERITIES[level] + period);
        }
      } else if (v <= CLEAR) {
        out.add(alertId + " CLEARED " + SEVERITIES[severity] + period);
        alertId = null;
      } else if (v > LIMIT && level > severity) {
        severity = level;
        out.add(alertId + " ESCALATED " + SEVERITIES[level] + period);
      }
    }
    return out;
  }
}
