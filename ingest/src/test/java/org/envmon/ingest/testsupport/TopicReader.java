package org.envmon.ingest.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.envmon.schemas.topics.Topic;
import org.envmon.testkit.TestKafka;

/**
 * Reads what was appended to an envmon topic after the moment it was created: remembers the end
 * offsets of every partition, then reads from there. Lets tests share the fixed topic names.
 */
public final class TopicReader<V> implements AutoCloseable {
  private final KafkaConsumer<String, V> consumer;
  private final List<TopicPartition> partitions;
  private final Map<TopicPartition, Long> start;
  private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

  public TopicReader(TestKafka kafka, Topic<String, V> topic) {
    Map<String, Object> config = kafka.consumerConfig();
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // positions are set by seek, never stored
    consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
    partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    start = new HashMap<>(consumer.endOffsets(partitions));
    start.forEach(consumer::seek);
  }

  public int partitionCount() {
    return partitions.size();
  }

  /** Waits (bounded) until at least {@code count} records arrived; returns all read so far. */
  public List<ConsumerRecord<String, V>> await(int count, Duration timeout) {
    Awaitility.await("at least " + count + " records on " + partitions).atMost(timeout).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      return records.size() >= count;
    });
    return List.copyOf(records);
  }

  /** Records appended since this reader was created, counted by offsets (nothing more can hide). */
  public long appendedSinceStart() {
    return consumer.endOffsets(partitions).entrySet().stream()
        .mapToLong(e -> e.getValue() - start.get(e.getKey())).sum();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
