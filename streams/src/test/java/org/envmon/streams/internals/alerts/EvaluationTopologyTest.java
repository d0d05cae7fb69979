package org.envmon.streams.internals.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.noise.NoiseTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTopologyTest {
  @TempDir
  Path dir;
  private EvaluationHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private void start() {
    EvaluationSettings settings = EvaluationSettings.builder(Catalog.builtIn()).build();
    harness = new EvaluationHarness(dir, (builder, inputs) -> {
      EvaluationTopology.addTo(inputs, settings);
      NoiseTopology.addTo(StationKeyedInputs.hourBatches(inputs), settings);
    });
  }

  @Test
  void everyNodeAndStoreHasAStableName() {
    start();
    TopologyDescription description = harness.topology().describe();
    List<TopologyDescription.Node> nodes = description.subtopologies().stream()
        .flatMap(s -> s.nodes().stream()).toList();
    assertThat(nodes).extracting(TopologyDescription.Node::name)
        .noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
    Set<String> stores = nodes.stream().filter(n -> n instanceof TopologyDescription.Processor)
        .flatMap(n -> ((TopologyDescription.Processor) n).stores().stream()).collect(Collectors.toSet());
    assertThat(stores).containsExactlyInAnyOrder("alerts-aggregate-state", "alerts-aqi-state",
        "voc-hot-spot-baseline", "voc-hot-spot-state", "noise-open-period");
    Set<String> topics = nodes.stream().filter(n -> n instanceof TopologyDescription.Sink)
        .map(n -> ((TopologyDescription.Sink) n).topic()).collect(Collectors.toSet());
    assertThat(topics).containsExactlyInAnyOrder("envmon.alerts", "envmon.aggregates");
  }

  @Test
  void anAggregateWrittenByTheNoiseStageIsJudgedByTheAlertsStage() {
    start();
    harness.stations.pipeInput("N1", EvaluationHarness.station("N1", "朝阳", Medium.NOISE).setNoiseZone("4a").build());
    java.time.Instant night = java.time.Instant.parse("2026-05-01T14:00:00Z");
    for (int i = 0; i < 8; i++) {
      java.time.Instant hour = night.plusSeconds(3600L * i);
      harness.hourly.pipeInput("N1|LEQ", EvaluationHarness.hour("N1", "朝阳", Medium.NOISE, "LEQ", hour, 58, "dB(A)"), hour);
    }
    List<Alert> alerts = harness.alerts.readValuesToList().stream()
        .filter(a -> !a.getStatistic().equals("STATION_HEALTH")).toList();
    assertThat(alerts).extracting(Alert::getRuleId, Alert::getState, Alert::getThreshold)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GB3096-2008.LEQ.LEQ_NIGHT.4a", AlertState.OPEN, 55.0));
  }
}
