package org.envmon.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** envmon's streams app runs with exactly_once_v2; a single embedded node must support it. */
class ExactlyOnceStreamsIT {
  @Test
  void exactlyOnceV2StreamsAppRunsOnOneNode(@TempDir Path kafkaDir, @TempDir Path stateDir) {
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(kafkaDir).build())) {
      String in = "eos-in-" + UUID.randomUUID();
      String out = "eos-out-" + UUID.randomUUID();
      TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers());
      admin.createTopic(in, 2, false);
      admin.createTopic(out, 2, false);

      StreamsBuilder builder = new StreamsBuilder();
      builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
          .mapValues(v -> v + "!")
          .to(out, Produced.with(Serdes.String(), Serdes.String()));
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-" + UUID.randomUUID());
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);

      try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
        streams.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        EmbeddedKafkaBrokerIT.produce(kafka.bootstrapServers(), Map.of(), in, "station-1", "42");
        assertThat(EmbeddedKafkaBrokerIT.consumeAll(kafka.bootstrapServers(), out, 1, "read_committed"))
            .containsExactly("station-1=42!");
      }
    }
  }
}
