package org.envmon.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class EnvmonTopologyTest {
  @Test
  void everyStoreHasAStableName() {
    TopologyDescription description = EnvmonTopology.build(StreamsSettings.defaults()).describe();
    Set<String> stores = new TreeSet<>();
    description.subtopologies().forEach(s -> s.nodes().forEach(n -> {
      if (n instanceof TopologyDescription.Processor p) {
        stores.addAll(p.stores());
      }
    }));
    description.globalStores().forEach(g -> stores.addAll(g.processor().stores()));

    assertThat(stores).containsExactlyInAnyOrder("air-days", "air-rolling-rings", "envmon-stations", "hour-samples",
        "qc-history", "station-clocks", "health-activity", "noise-open-period", "water-open-period",
        "water-target-state", "plan-year-to-date", "plan-open-days", "plan-alert-state", "alerts-aggregate-state", "alerts-hourly-state",
        "alerts-aqi-state", "voc-hot-spot-baseline", "voc-hot-spot-state", "status-latest-hourly",
        "status-latest-aqi", "status-open-alerts", "status-plan-progress");
  }

  @Test
  void theOnlyRepartitionTopicIsThePlansByDistrict() {
    TopologyDescription description = EnvmonTopology.build(StreamsSettings.defaults()).describe();
    Set<String> sinks = new TreeSet<>();
    description.subtopologies().forEach(s -> s.nodes().forEach(n -> {
      if (n instanceof TopologyDescription.Sink sink) {
        sinks.add(sink.topic());
      }
    }));
    assertThat(sinks).filteredOn(t -> t.endsWith("-repartition")).containsExactly("plan-by-district-repartition");
  }

  @Test
  void statusStoresReadAlertsAndPlanProgressThroughNamedSources() {
    String description = EnvmonTopology.build(StreamsSettings.defaults()).describe().toString();
    assertThat(description).contains("Source: status-alerts-source (topics: [envmon.alerts])")
        .contains("Source: status-plan-progress-source (topics: [envmon.plan-progress])");
  }

  @Test
  void noNodeHasAGeneratedName() {
    String description = EnvmonTopology.build(StreamsSettings.defaults()).describe().toString();
    assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
  }
}
