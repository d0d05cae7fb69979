package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

@WithKafka
class EnvmonTopicsIT {
  @Test
  void typedTopicsRoundTripThroughTheirOwnSerdes(TestKafka kafka) throws Exception {
    kafka.recreateTopics(List.of(Topics.READINGS_DLQ), 1);
    DeadLetter letter = DeadLetter.newBuilder()
        .setReasonCode("UNKNOWN_STATION").setReason("station 'Nowhere' is not in the station directory")
        .setSource("http").setPayload("{\"station\":\"Nowhere\"}").setAt(Instant.parse("2017-03-01T00:00:00Z"))
        .build();
    try (KafkaProducer<String, DeadLetter> producer = kafka.producer(Topics.READINGS_DLQ)) {
      producer.send(new ProducerRecord<>(Topics.READINGS_DLQ.name(), "Nowhere", letter)).get(30, TimeUnit.SECONDS);
    }
    List<ConsumerRecord<String, DeadLetter>> records = kafka.consume(Topics.READINGS_DLQ, 1);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("Nowhere");
    assertThat(records).extracting(ConsumerRecord::value).containsExactly(letter);
  }

  @Test
  void recreatedTopicsAreEmpty(TestKafka kafka) throws Exception {
    kafka.createTopics(Topics.all(), 2);
    String raw = Topics.READINGS_RAW.name();
    try (KafkaProducer<String, String> producer = kafka.producer(Topics.READINGS_RAW)) {
      producer.send(new ProducerRecord<>(raw, "s", "old")).get(30, TimeUnit.SECONDS);
    }

    kafka.recreateTopics(List.of(Topics.READINGS_RAW), 2);

    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(kafka.consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(raw).stream()
          .map(p -> new TopicPartition(raw, p.partition())).toList();
      assertThat(partitions).hasSize(2);
      assertThat(consumer.endOffsets(partitions, Duration.ofSeconds(30)).values()).containsOnly(0L);
    }
  }
}
