package org.envmon.streams.internals.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.envmon.schemas.Alert;
import org.envmon.schemas.Medium;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.EvaluationHarness;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthTopologyTest {
  private static final Instant T0 = Instant.parse("2015-03-01T00:00:00Z");
  private static final String ID = "Dongsi|" + StationHealthProcessor.RULE_ID + "|";

  @TempDir
  Path dir;
  private EvaluationHarness harness;

  @BeforeEach
  void start() {
    EvaluationSettings settings = EvaluationSettings.builder(Catalog.builtIn()).build();
    harness = new EvaluationHarness(dir, (builder, inputs) -> HealthTopology.addTo(inputs.hourly(), settings));
    harness.stations.pipeInput("Dongsi", EvaluationHarness.airStation("Dongsi", "东城"));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private void pipeHour(int hour) {
    Instant start = T0.plus(Duration.ofHours(hour));
    harness.hourly.pipeInput("Dongsi|PM2_5",
        EvaluationHarness.hour("Dongsi", "东城", Medium.AIR, "PM2_5", start, 40, "ug/m3"), start);
  }

  private List<String> alerts() {
    return harness.alerts.readValuesToList().stream()
        .map(a -> a.getState() + " " + a.getObserved() + "/" + a.getThreshold() + " " + a.getAlertId()).toList();
  }

  @Test
  void silentStationRaisesOnWallClockAndClearsWhenDataReturns() {
    for (int h = 0; h < 6; h++) {
      pipeHour(h);
    }
    harness.driver().advanceWallClockTime(Duration.ofMinutes(119));
    assertThat(alerts()).isEmpty();
    harness.driver().advanceWallClockTime(Duration.ofMinutes(2));
    List<Alert> opened = harness.alerts.readValuesToList();
    assertThat(opened).extracting(a -> a.getState() + " " + a.getObserved() + "/" + a.getThreshold() + " "
        + a.getAlertId() + " " + a.getStatistic() + " " + a.getMessage()).containsExactly(
        "OPEN 0.0/0.75 " + ID + "2026-01-01T00:00:00Z STATION_HEALTH ALL STATION_HEALTH at Dongsi (东城) from "
            + "2026-01-01T02:01:00Z is 0, beyond the limit 0.75; alert opened (warning) [envmon.station-health, "
            + "envmon station-health policy (cadence and silence)]. Data delivery: no data for 121 min "
            + "(silent after 120 min).");
    harness.driver().advanceWallClockTime(Duration.ofHours(1));
    assertThat(alerts()).as("an open episode is not raised again").isEmpty();
    pipeHour(6);
    assertThat(alerts()).containsExactly("CLEARED 1.0/0.75 " + ID + "2026-01-01T00:00:00Z");
  }

  @Test
  void lowCadenceOnEventTimeRaisesAndClearsOnceCoverageIsBack() {
    pipeHour(7);
    pipeHour(12);
    assertThat(alerts()).containsExactly("OPEN 0.3333333333333333/0.75 " + ID + "2015-03-01T07:00:00Z");
    pipeHour(13);
    pipeHour(14);
    pipeHour(15);
    assertThat(alerts()).isEmpty();
    pipeHour(16);
    assertThat(alerts()).containsExactly("CLEARED 0.8333333333333334/0.75 " + ID + "2015-03-01T07:00:00Z");
  }
}
