package org.envmon.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

/** Acknowledgement semantics; the round trip through a real broker is in KafkaReadingPublisherIT. */
class KafkaReadingPublisherTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final KafkaReadingPublisher publisher = new KafkaReadingPublisher(producer, Duration.ofSeconds(1));

  static Reading reading(String station, double value) {
    return Reading.newBuilder().setStationId(station).setParameter("PM2_5").setMedium(Medium.AIR)
        .setObservedAt(T0).setValue(value).setUnit("ug/m3").setSource("test").setReceivedAt(T0).build();
  }

  @Test
  void completesOnlyWhenEveryRecordIsAcknowledged() {
    CompletableFuture<Void> done = publisher.publish(List.of(reading("Dongsi", 1), reading("Tiantan", 2)));

    assertThat(producer.history()).hasSize(2);
    assertThat(producer.history().get(0).topic()).isEqualTo(Topics.READINGS.name());
    assertThat(new String(producer.history().get(1).key(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("Tiantan");
    assertThat(Topics.READINGS.valueSerde().deserializer()
        .deserialize(Topics.READINGS.name(), producer.history().get(0).value()).getValue()).isEqualTo(1.0);
    producer.completeNext();
    assertThat(done).isNotDone();
    producer.completeNext();
    assertThat(done).isCompleted();
  }

  @Test
  void failsWithTheFirstErrorWithoutWaitingForTheRest() {
    CompletableFuture<Void> done = publisher.publish(List.of(reading("Dongsi", 1), reading("Tiantan", 2)));

    producer.errorNext(new TimeoutException("broker gone"));

    assertThat(done).isCompletedExceptionally();
    assertThatThrownBy(done::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("broker gone");
  }

  @Test
  void emptyBatchIsImmediatelyDone() {
    assertThat(publisher.publish(List.of())).isCompleted();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void deadLettersGoToTheDlqKeyedByStation() {
    DeadLetter letter = DeadLetters.of(RejectReason.MALFORMED, "bad line", "replay", "f.csv:3", "Dongsi", "x,y", T0);
    CompletableFuture<Void> done = publisher.deadLetter(letter);
    producer.completeNext();

    assertThat(done).isCompleted();
    assertThat(producer.history().get(0).topic()).isEqualTo(Topics.READINGS_DLQ.name());
    assertThat(Topics.READINGS_DLQ.valueSerde().deserializer()
        .deserialize(Topics.READINGS_DLQ.name(), producer.history().get(0).value())).isEqualTo(letter);
  }

  @Test
  void configEnforcesIdempotenceAndAcksAllButPassesSecurityThrough() {
    Properties user = new Properties();
    user.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9093");
    user.put("security.protocol", "SASL_SSL");
    user.put(ProducerConfig.ACKS_CONFIG, "1");
    user.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");

    Properties effective = KafkaReadingPublisher.effectiveConfig(user);

    assertThat(effective).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    assertThatThrownBy(() -> KafkaReadingPublisher.effectiveConfig(new Properties()))
        .hasMessageContaining("bootstrap.servers");
  }
}
