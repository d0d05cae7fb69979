package org.envmon.streams.internals.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.EvaluationHarness;
import org.envmon.streams.internals.alerts.StationKeyedInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaterTopologyTest {
  /** 2015-07-01 00:00 Beijing. */
  private static final Instant DAY1 = Instant.parse("2015-06-30T16:00:00Z");

  @TempDir
  Path dir;
  private EvaluationHarness harness;

  @BeforeEach
  void start() {
    EvaluationSettings settings = EvaluationSettings.builder(Catalog.builtIn()).build();
    harness = new EvaluationHarness(dir, (builder, inputs) -> WaterTopology.addTo(StationKeyedInputs.hourBatches(inputs), settings));
    harness.stations.pipeInput("Miyun", EvaluationHarness.station("Miyun", "密云", Medium.WATER)
        .setWaterBodyType("LAKE").setWaterTargetClass(3).build());
  }

  @AfterEach
  void close() {
    harness.close();
  }

  /** Six 4-hourly samples of one day; TP alternates between two values. */
  private void pipeDay(int day, double tpA, double tpB) {
    for (int i = 0; i < 6; i++) {
      Instant t = DAY1.plus(Duration.ofDays(day)).plus(Duration.ofHours(4L * i));
      Map<String, Double> sample = Map.of("DO", 6.5, "NH3N", 0.4, "TN", 1.2, "TP", i % 2 == 0 ? tpA : tpB);
      sample.forEach((p, v) -> harness.hourly.pipeInput("Miyun|" + p,
          EvaluationHarness.hour("Miyun", "密云", Medium.WATER, p, t, v, "mg/L"), t));
    }
  }

  @Test
  void sectionWorseThanTargetOpensEscalatesToWorseThanVAndClears() {
    pipeDay(0, 0.05, 0.07); // lake TP mean 0.06 -> IV
    pipeDay(1, 0.3, 0.3);   // lake TP 0.3 -> worse than V
    pipeDay(2, 0.04, 0.04); // TP III: section back at its target
    pipeDay(3, 0.04, 0.04); // closes day 2
    List<Aggregate> aggregates = harness.aggregatesOut.readValuesToList();
    assertThat(aggregates.subList(0, 5)).extracting(Aggregate::getParameter, Aggregate::getValue, Aggregate::getCount)
        .containsExactly(tuple("DO", 2.0, 6), tuple("NH3N", 2.0, 6), tuple("TN", 4.0, 6), tuple("TP", 4.0, 6),
            tuple("SECTION", 4.0, 3));
    assertThat(aggregates.get(4).getPeriodStart()).isEqualTo(DAY1);
    assertThat(aggregates.get(4).getPeriodEnd()).isEqualTo(DAY1.plus(Duration.ofDays(1)));
    assertThat(aggregates).filteredOn(a -> a.getParameter().equals("SECTION")).extracting(Aggregate::getValue)
        .containsExactly(4.0, 6.0, 3.0);

    List<Alert> alerts = harness.alerts.readValuesToList();
    String id = "Miyun|" + WaterTargetProcessor.RULE_ID + "|2015-06-30T16:00:00Z";
    assertThat(alerts).extracting(Alert::getAlertId, Alert::getState, Alert::getSeverity, Alert::getObserved,
        Alert::getThreshold).containsExactly(
        tuple(id, AlertState.OPEN, "warning", 4.0, 3.0),
        tuple(id, AlertState.ESCALATED, "critical", 6.0, 3.0),
        tuple(id, AlertState.CLEARED, "critical", 3.0, 3.0));
    assertThat(alerts.get(1).getMessage()).endsWith("Section class 劣V (重度污染), target class III.");
  }

  @Test
  void aLateSampleReClassifiesThePreviousPeriodWithTheNextRevision() {
    pipeDay(0, 0.05, 0.05); // lake TP 0.05 -> III, at the target
    pipeDay(1, 0.04, 0.04); // closes day 0
    Instant late = DAY1.plus(Duration.ofHours(2));
    harness.hourly.pipeInput("Miyun|TP", EvaluationHarness.hour("Miyun", "密云", Medium.WATER, "TP", late, 0.2, "mg/L"),
        late);
    List<Aggregate> sections = harness.aggregatesOut.readValuesToList().stream()
        .filter(a -> a.getParameter().equals("SECTION")).toList();
    assertThat(sections).extracting(Aggregate::getPeriodStart, Aggregate::getRevision, Aggregate::getValue)
        .containsExactly(tuple(DAY1, 0, 3.0), tuple(DAY1, 1, 4.0)); // TP (6 x 0.05 + 0.2) / 7 = 0.071 -> IV
    assertThat(harness.alerts.readValuesToList()).extracting(Alert::getState, Alert::getObserved)
        .containsExactly(tuple(AlertState.OPEN, 4.0));
  }
}
