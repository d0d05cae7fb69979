package org.envmon.streams.internals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.envmon.streams.internals.alerts.EvaluationHarness.airStation;
import static org.envmon.streams.internals.alerts.EvaluationHarness.daily;
import static org.envmon.streams.internals.alerts.EvaluationHarness.dailyAqi;
import static org.envmon.streams.internals.alerts.EvaluationHarness.hour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.standards.catalog.Catalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final String DAILY_PM25_II = "GB3095-2012.PM2_5.DAILY_MEAN.II";

  @TempDir
  Path stateDir;
  private EvaluationHarness harness;

  private EvaluationHarness start(AlertPolicy policy) {
    return start(CATALOG, policy);
  }

  private EvaluationHarness start(Catalog catalog, AlertPolicy policy) {
    EvaluationSettings settings = EvaluationSettings.builder(catalog).alerts(policy).build();
    harness = new EvaluationHarness(stateDir, (builder, inputs) -> {
      AlertsTopology.addTo(inputs, settings);
      AlertsTopology.addHourlyRulesTo(inputs.hourly(), settings);
    });
    harness.stations.pipeInput("Dongsi", airStation("Dongsi", "东城"));
    return harness;
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private void pipeDaily(String date, double value) {
    harness.aggregatesIn.pipeInput("Dongsi|PM2_5|DAILY_MEAN", daily("Dongsi", "东城", "PM2_5", date, value, 0));
  }

  private static String summary(Alert a) {
    return a.getState() + " " + a.getSeverity() + " " + a.getObserved() + "/" + a.getThreshold() + " " + a.getAlertId();
  }

  @Test
  void anOperatorRuleOnARollingMeanIsJudged(@TempDir Path catalogDir) throws IOException {
    Path file = catalogDir.resolve("catalog.yaml");
    Files.writeString(file, """
        rules:
          - id: BJ.PM2_5.ROLLING_24H
            source: "operator test"
            jurisdiction: Beijing
            medium: AIR
            parameter: PM2_5
            statistic: ROLLING_24H
            limit: 100
            comparison: ABOVE
            validFrom: 2015-01-01
        """);
    Aggregate rolling = Aggregate.newBuilder(
        daily("Dongsi", "东城", "PM2_5", "2015-01-02", 120, 0)).setStatistic("ROLLING_24H").build();

    start(CATALOG, AlertPolicy.DEFAULT);
    harness.aggregatesIn.pipeInput("Dongsi|PM2_5|ROLLING_24H", rolling);
    assertThat(harness.alerts.readValuesToList()).as("the built-in catalog has no rule on rolling means").isEmpty();
    harness.close();

    start(Catalog.load(file, false), AlertPolicy.DEFAULT);
    harness.aggregatesIn.pipeInput("Dongsi|PM2_5|ROLLING_24H", rolling);
    assertThat(harness.alerts.readValuesToList()).extracting(Alert::getRuleId, Alert::getState)
        .containsExactly(tuple("BJ.PM2_5.ROLLING_24H", AlertState.OPEN));
  }

  @Test
  void dailyMeanFlappingAroundTheLimitOpensOnceAndClearsOnce() {
    start(AlertPolicy.DEFAULT);
    double[] values = {70, 80, 74, 76, 72, 67, 80};
    for (int i = 0; i < values.length; i++) {
      pipeDaily("2015-01-0" + (i + 1), values[i]);
    }
    List<Alert> out = harness.alerts.readValuesToList();
    assertThat(out).extracting(AlertsTopologyTest::summary).containsExactly(
        "OPEN warning 80.0/75.0 Dongsi|" + DAILY_PM25_II + "|2015-01-01T16:00:00Z",
        "CLEARED warning 67.0/67.5 Dongsi|" + DAILY_PM25_II + "|2015-01-01T16:00:00Z",
        "OPEN warning 80.0/75.0 Dongsi|" + DAILY_PM25_II + "|2015-01-06T16:00:00Z");
    Alert opened = out.get(0);
    assertThat(opened.getRuleId()).isEqualTo(DAILY_PM25_II);
    assertThat(opened.getRuleSource()).contains("GB 3095-2012");
    assertThat(opened.getDistrict()).isEqualTo("东城");
    assertThat(opened.getStatistic()).isEqualTo("DAILY_MEAN");
    assertThat(opened.getStandard()).isEqualTo("GB 3095-2012");
    assertThat(opened.getMessage()).isEqualTo("PM2_5 DAILY_MEAN at Dongsi (东城) from 2015-01-01T16:00:00Z is 80 ug/m3, "
        + "beyond the limit 75 ug/m3; alert opened (warning) [" + DAILY_PM25_II + ", " + opened.getRuleSource() + "].");
  }

  @Test
  void theRuleInForceAtTheDateJudges() {
    start(AlertPolicy.DEFAULT);
    pipeDaily("2026-03-01", 65);
    assertThat(harness.alerts.readValuesToList()).extracting(Alert::getRuleId, Alert::getThreshold)
        .containsExactly(tuple("GB3095-2026-T.PM2_5.DAILY_MEAN.II", 60.0));
  }

  @Test
  void aSeriesIsJudgedByTheRulesOfEachNewDay() {
    start(AlertPolicy.DEFAULT);
    pipeDaily("2026-02-28", 65); // GB 3095-2012: 75, in force to 2026-02-28
    assertThat(harness.alerts.isEmpty()).isTrue();
    pipeDaily("2026-03-01", 65); // GB 3095-2026 transition limits: 60, from 2026-03-01
    assertThat(harness.alerts.readValuesToList()).extracting(Alert::getRuleId, Alert::getThreshold)
        .containsExactly(tuple("GB3095-2026-T.PM2_5.DAILY_MEAN.II", 60.0));
  }

  @Test
  void pendingPeriodOpensAfterNConsecutiveExceedances() {
    start(new AlertPolicy(0.9, Map.of(), 1, Map.of(DAILY_PM25_II, 3), 1.5, 2.0));
    double[] values = {80, 80, 70, 80, 80};
    for (int i = 0; i < values.length; i++) {
      pipeDaily("2015-01-0" + (i + 1), values[i]);
    }
    assertThat(harness.alerts.isEmpty()).isTrue();
    pipeDaily("2015-01-06", 90);
    assertThat(harness.alerts.readValuesToList()).extracting(AlertsTopologyTest::summary).containsExactly(
        "OPEN warning 90.0/75.0 Dongsi|" + DAILY_PM25_II + "|2015-01-03T16:00:00Z");
  }

  @Test
  void dailyAqiEscalatesByCategoryAndClears() {
    start(AlertPolicy.DEFAULT);
    Object[][] days = {{"2015-01-01", 90, 2, "良"}, {"2015-01-02", 120, 3, "轻度污染"}, {"2015-01-03", 180, 4, "中度污染"},
        {"2015-01-04", 160, 4, "中度污染"}, {"2015-01-05", 250, 5, "重度污染"}, {"2015-01-06", 95, 2, "良"},
        {"2015-01-07", 88, 2, "良"}};
    for (Object[] d : days) {
      harness.aqi.pipeInput("Dongsi|DAY", dailyAqi("Dongsi", "东城", (String) d[0], (int) d[1], (int) d[2], (String) d[3]));
    }
    String id = "Dongsi|" + AqiAlertProcessor.RULE_ID + "|2015-01-01T16:00:00Z";
    assertThat(harness.alerts.readValuesToList()).extracting(AlertsTopologyTest::summary).containsExactly(
        "OPEN warning 120.0/100.0 " + id,
        "ESCALATED major 180.0/100.0 " + id,
        "ESCALATED critical 250.0/100.0 " + id,
        "CLEARED critical 88.0/90.0 " + id);
  }

  @Test
  void hourlyValuesAreJudgedByOneHourRulesAndVocsAreScreening() {
    start(AlertPolicy.DEFAULT);
    harness.stations.pipeInput("Yanshan", EvaluationHarness.station("Yanshan", "房山", Medium.VOC)
        .setVocComparator("GB16297-1996-T2").build());
    Instant h = Instant.parse("2015-01-01T00:00:00Z");
    harness.hourly.pipeInput("Dongsi|NO2", hour("Dongsi", "东城", Medium.AIR, "NO2", h, 210, "ug/m3"));
    harness.hourly.pipeInput("Yanshan|BENZENE", hour("Yanshan", "房山", Medium.VOC, "BENZENE", h, 0.5, "mg/m3"));
    List<Alert> out = harness.alerts.readValuesToList();
    assertThat(out).extracting(Alert::getStationId, Alert::getState, Alert::getThreshold).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Dongsi", AlertState.OPEN, 200.0),
        org.assertj.core.groups.Tuple.tuple("Yanshan", AlertState.OPEN, 0.4));
    assertThat(out.get(1).getMessage()).startsWith("Screening: BENZENE HOUR_MEAN at Yanshan (房山)")
        .contains("screening comparator");
  }

  @Test
  void invalidAggregatesAndUnknownStationsRaiseNothing() {
    start(AlertPolicy.DEFAULT);
    harness.aggregatesIn.pipeInput("k", org.envmon.schemas.Aggregate.newBuilder(
        daily("Dongsi", "东城", "PM2_5", "2015-01-01", 300, 0)).setValid(false).build());
    harness.aggregatesIn.pipeInput("k", daily("Nowhere", "东城", "PM2_5", "2015-01-01", 300, 0));
    assertThat(harness.alerts.isEmpty()).isTrue();
  }

  @Test
  void restartKeepsAnOpenAlertOpenWithoutReEmitting() {
    start(AlertPolicy.DEFAULT);
    pipeDaily("2015-01-01", 90);
    assertThat(harness.alerts.readValuesToList()).extracting(Alert::getState).containsExactly(AlertState.OPEN);

    harness.restart();
    Station dongsi = airStation("Dongsi", "东城");
    harness.stations.pipeInput("Dongsi", dongsi);
    pipeDaily("2015-01-01", 90); // the same aggregate revision, re-processed after the restart
    pipeDaily("2015-01-02", 95); // the episode goes on
    assertThat(harness.alerts.readValuesToList()).extracting(AlertsTopologyTest::summary).isEmpty();
    pipeDaily("2015-01-03", 50);
    assertThat(harness.alerts.readValuesToList()).extracting(AlertsTopologyTest::summary).containsExactly(
        "CLEARED warning 50.0/67.5 Dongsi|" + DAILY_PM25_II + "|2014-12-31T16:00:00Z");
  }

  @Test
  void everyStoreAndProcessorIsNamed() {
    start(AlertPolicy.DEFAULT);
    TopologyDescription description = harness.topology().describe();
    assertThat(description.subtopologies()).flatExtracting(s -> s.nodes()).extracting(TopologyDescription.Node::name)
        .noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
    assertThat(description.subtopologies()).flatExtracting(s -> s.nodes())
        .filteredOn(n -> n instanceof TopologyDescription.Processor)
        .flatExtracting(n -> ((TopologyDescription.Processor) n).stores())
        .containsExactlyInAnyOrder(AlertsTopology.AGGREGATE_STATE, AlertsTopology.HOURLY_STATE, AlertsTopology.AQI_STATE);
  }
}
