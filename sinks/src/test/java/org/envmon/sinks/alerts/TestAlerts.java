package org.envmon.sinks.alerts;

import java.time.Instant;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;

/** Alert transitions for tests. */
final class TestAlerts {
  static final Instant EPISODE = Instant.parse("2026-01-15T04:00:00Z");

  private TestAlerts() {}

  static Alert alert(String station, String district, Medium medium, String rule, String severity, AlertState state) {
    return Alert.newBuilder()
        .setAlertId(station + "|" + rule + "|" + EPISODE.toEpochMilli())
        .setState(state)
        .setSeverity(severity)
        .setStationId(station)
        .setDistrict(district)
        .setMedium(medium)
        .setRuleId(rule)
        .setRuleSource("GB 3095-2012 Table 1")
        .setParameter("PM2_5")
        .setStatistic("ROLLING_24H")
        .setObserved(state == AlertState.CLEARED ? 60.0 : 80.0)
        .setThreshold(state == AlertState.CLEARED ? 70.0 : 75.0)
        .setPeriodStart(EPISODE)
        .setEpisodeStart(EPISODE)
        .setTransitionAt(state == AlertState.CLEARED ? EPISODE.plusSeconds(7200) : EPISODE.plusSeconds(3600))
        .setMessage("PM2.5 24 h mean 80 > 75")
        .setStandard("GB 3095-2012")
        .build();
  }

  static Alert pm25(String station, String district, AlertState state) {
    return alert(station, district, Medium.AIR, "GB3095-2012.PM2_5.24h.II", "major", state);
  }
}
