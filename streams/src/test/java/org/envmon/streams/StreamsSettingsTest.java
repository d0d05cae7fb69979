package org.envmon.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.envmon.streams.errors.DeadLetterDeserializationHandler;
import org.envmon.streams.errors.DeadLetterProcessingHandler;
import org.envmon.streams.errors.DeadLetterProductionHandler;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
  @Test
  void defaultsAreExactlyOnceWithDeadLetterHandlers() {
    Properties p = StreamsSettings.defaults().toProperties("broker:9092");
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("envmon-streams");
    assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
    assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterDeserializationHandler.class);
    assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProcessingHandler.class);
    assertThat(p.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProductionHandler.class);
    assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(0);
    StreamsConfig config = new StreamsConfig(p); // Kafka Streams accepts every value
    Map<String, Object> producer = config.getProducerConfigs("client");
    assertThat(producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
    assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(128 * 1024);
  }

  @Test
  void testSettingsCommitEvery100MsWithoutCache() {
    Properties p = StreamsSettings.builder().forTests().standbyReplicas(1).build().toProperties("b:1");
    assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
    assertThat(p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(0L);
    assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
  }

  @Test
  void nonsenseIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> StreamsSettings.builder().grace(Duration.ofHours(-1)))
        .hasMessageContaining("grace");
    assertThatThrownBy(() -> StreamsSettings.builder().grace(Duration.ofDays(8)).build())
        .hasMessageContaining("lateBound");
    assertThatThrownBy(() -> StreamsSettings.builder().dayCloseSpread(Duration.ofMinutes(-10)))
        .hasMessageContaining("dayCloseSpread");
    assertThatThrownBy(() -> StreamsSettings.builder().grace(Duration.ofDays(6)).dayCloseSpread(Duration.ofDays(1))
        .build()).hasMessageContaining("lateBound").hasMessageContaining("dayCloseSpread");
    assertThatThrownBy(() -> StreamsSettings.builder().applicationId("has space"))
        .hasMessageContaining("application id");
    assertThatThrownBy(() -> StreamsSettings.builder().processingGuarantee("exactly_once"))
        .hasMessageContaining("exactly_once_v2");
    assertThatThrownBy(() -> StreamsSettings.defaults().toProperties(" "))
        .hasMessageContaining("bootstrap");
  }
}
