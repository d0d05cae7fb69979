package org.envmon.streams.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before Kafka Streams runs, every status query is a retryable "unavailable", never a crash. */
class NotRunningStatusTest {
  @TempDir
  Path stateDir;

  @Test
  void queriesBeforeStartAreUnavailableAndRetryable() {
    StreamsSettings settings = StreamsSettings.builder().stateDir(stateDir).applicationServer("localhost:18082").build();
    // Never started, so nothing connects to this address.
    try (KafkaStreams streams = new KafkaStreams(EnvmonTopology.build(settings), settings.toProperties("localhost:9"))) {
      StatusQueries queries = new StatusQueries(new LocalStatusStores(streams, new HostInfo("localhost", 18082)),
          new StatusPeers() {
            @Override
            public <T> List<T> all(HostInfo peer, StatusView<?, T> view) {
              throw new AssertionError("no peer may be asked before the metadata is known");
            }

            @Override
            public <T> List<T> get(HostInfo peer, StatusView<?, T> view, List<String> keys) {
              throw new AssertionError("no peer may be asked before the metadata is known");
            }
          });
      assertThatThrownBy(queries::stations).isInstanceOf(StatusUnavailableException.class)
          .hasMessageContaining("CREATED");
      assertThatThrownBy(() -> queries.station("Dongsi")).isInstanceOf(StatusUnavailableException.class);
      assertThatThrownBy(queries::openAlerts).isInstanceOf(StatusUnavailableException.class);
      assertThatThrownBy(queries::plan).isInstanceOf(StatusUnavailableException.class);
      assertThatThrownBy(() -> queries.local().all(StatusView.HOURLY)).isInstanceOf(StatusUnavailableException.class)
          .hasMessageContaining(StatusStores.LATEST_HOURLY);
    }
  }

  @Test
  void applicationServerIsPassedToKafkaStreamsAndValidated() {
    StreamsSettings settings = StreamsSettings.builder().applicationServer("envmon-1.internal:8082").build();
    assertThat(settings.toProperties("localhost:9092").get(StreamsConfig.APPLICATION_SERVER_CONFIG))
        .isEqualTo("envmon-1.internal:8082");
    assertThat(StreamsSettings.defaults().toProperties("localhost:9092"))
        .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    for (String bad : new String[] {null, "", "localhost", ":8082", "localhost:0", "localhost:70000", "0.0.0.0:8082",
        "localhost:http"}) {
      assertThatThrownBy(() -> StreamsSettings.builder().applicationServer(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
    }
  }

  @Test
  void storeKeysMatchTheTopicKeys() {
    assertThat(StatusQueries.hourlyKey("Dongsi", "PM2_5")).isEqualTo("Dongsi|PM2_5");
    assertThat(StatusQueries.aqiKey("Dongsi", "DAY")).isEqualTo("Dongsi|DAY");
    assertThat(StatusView.named(StatusStores.OPEN_ALERTS)).contains(StatusView.OPEN_ALERTS);
    assertThat(StatusView.named("air-days")).isEmpty();
  }
}
