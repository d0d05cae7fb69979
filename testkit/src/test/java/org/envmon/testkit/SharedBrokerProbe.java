package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** What the two shared-broker test classes check: one broker for both, and it works. */
final class SharedBrokerProbe {
  /** The broker the first of the two classes saw; the second must see the same instance. */
  private static final AtomicReference<TestKafka> FIRST_SEEN = new AtomicReference<>();

  private SharedBrokerProbe() {}

  static void assertSharedAndStartedOnce(TestKafka kafka) {
    FIRST_SEEN.compareAndSet(null, kafka);
    assertThat(kafka).isSameAs(FIRST_SEEN.get());
    assertThat(TestKafka.starts()).isEqualTo(1);
  }

  static void assertRoundTrip(TestKafka kafka, String prefix) throws Exception {
    String topic = kafka.uniqueTopic(prefix);
    try (KafkaProducer<String, String> producer =
             new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "station", prefix)).get(30, TimeUnit.SECONDS);
    }
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(kafka.consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
        return !values.isEmpty();
      });
    }
    assertThat(values).containsExactly(prefix);
  }
}
