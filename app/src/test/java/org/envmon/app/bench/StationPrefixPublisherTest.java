package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;

class StationPrefixPublisherTest {

  @Test
  void renamesStationsOfReadingsAndEntriesAlike() {
    CollectingPublisher target = new CollectingPublisher();
    Reading reading = AlertLatencyProbe.probe("load-00001", Instant.parse("2026-01-01T00:30:00Z")).get(0);
    try (StationPrefixPublisher publisher = new StationPrefixPublisher(target, "half-")) {
      publisher.publish(List.of(reading)).join();
    }
    assertThat(target.published).singleElement().satisfies(r -> {
      assertThat(r.getStationId()).isEqualTo("half-load-00001");
      assertThat(r.getValue()).isEqualTo(reading.getValue());
    });
    assertThat(reading.getStationId()).isEqualTo("load-00001");
    assertThat(target.closed).isTrue();
    assertThat(StationPrefixPublisher.rename(AlertLatencyProbe.stations(1), "half-"))
        .extracting(e -> e.id()).containsExactly("half-bench-probe-00001");
  }
}
