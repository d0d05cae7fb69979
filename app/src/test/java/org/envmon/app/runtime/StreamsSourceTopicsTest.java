package org.envmon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.schemas.topics.Topics;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.junit.jupiter.api.Test;

class StreamsSourceTopicsTest {
  @Test
  void theGroupReadsTheReadingsTheStatusSourcesAndThePlanRepartition() {
    StreamsSettings settings = StreamsSettings.builder().forTests().applicationId("envmon-x").build();

    assertThat(StreamsSourceTopics.of(EnvmonTopology.build(settings), "envmon-x")).containsExactlyInAnyOrder(
        Topics.READINGS.name(), Topics.ALERTS.name(), Topics.PLAN_PROGRESS.name(),
        "envmon-x-plan-by-district-repartition");
  }
}
