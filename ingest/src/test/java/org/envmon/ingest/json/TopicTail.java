package org.envmon.ingest.json;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.envmon.schemas.topics.Topic;
import org.envmon.testkit.TestKafka;

/**
 * Reads what a topic receives from the moment the tail is opened, so a test sees only its own
 * records on the fixed envmon topics. Committed records only (read_committed).
 */
public final class TopicTail<V> implements AutoCloseable {
  private final KafkaConsumer<String, V> consumer;
  private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

  private TopicTail(KafkaConsumer<String, V> consumer) {
    this.consumer = consumer;
  }

  public static <V> TopicTail<V> fromEnd(TestKafka kafka, Topic<String, V> topic) {
    Map<String, Object> config = kafka.consumerConfig();
    KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fix the start now, not at the first poll
    return new TopicTail<>(consumer);
  }

  /** Polls until at least {@code count} records arrived since the tail opened; returns all of them. */
  public List<ConsumerRecord<String, V>> awaitRecords(int count, Duration timeout) {
    await().atMost(timeout).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      return seen.size() >= count;
    });
    return List.copyOf(seen);
  }

  public List<V> awaitValues(int count, Duration timeout) {
    return awaitRecords(count, timeout).stream().map(ConsumerRecord::value).toList();
  }

  /** Everything received so far after polling once more for {@code window}: to prove nothing extra came. */
  public List<V> valuesAfter(Duration window) {
    consumer.poll(window).forEach(seen::add);
    return seen.stream().map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
