package org.envmon.ingest.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;

/**
 * Publishes accepted readings to {@link Topics#READINGS} and rejected inputs to
 * {@link Topics#READINGS_DLQ}, keyed by station id, through one idempotent producer with
 * {@code acks=all}. Thread-safe: every ingest path may share one instance.
 *
 * <p>The returned futures complete on the producer's I/O thread; callers that do more than a
 * quick hand-off (writing an ack to a socket, completing a response) should chain with the
 * {@code *Async} variants.
 */
public final class KafkaReadingPublisher implements ReadingPublisher {
  /** Station id of the end-of-input marker (defined with the topics, shared with streams). */
  public static final String END_OF_INPUT_STATION_ID = Topics.END_OF_INPUT_STATION_ID;

  /** How long {@link #close()} waits for records still in flight before failing them. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<byte[], byte[]> producer;
  private final Duration closeTimeout;

  /**
   * @param producerProperties at least {@code bootstrap.servers}; security and any other client
   *     settings are passed through. Throughput defaults (lz4, linger, batch size) apply unless
   *     given; idempotence, {@code acks=all} and the serializers are always enforced.
   */
  public KafkaReadingPublisher(Properties producerProperties) {
    this(new KafkaProducer<>(effectiveConfig(producerProperties)), DEFAULT_CLOSE_TIMEOUT);
  }

  /** For tests and callers that manage the producer themselves; this publisher closes it. */
  KafkaReadingPublisher(Producer<byte[], byte[]> producer, Duration closeTimeout) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
  }

  /** The producer configuration actually used for the given user properties. */
  public static Properties effectiveConfig(Properties producerProperties) {
    Objects.requireNonNull(producerProperties, "producerProperties");
    if (producerProperties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new IllegalArgumentException("producer properties need " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG
          + " (host:port of the Kafka brokers, e.g. localhost:9092)");
    }
    Properties config = new Properties();
    // Many small records from many stations: batch them, lz4 is cheap on CPU.
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
    config.putAll(producerProperties);
    // Guarantees the ingest paths rely on when they acknowledge their peers.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  @Override
  public CompletableFuture<Void> publish(List<Reading> readings) {
    Objects.requireNonNull(readings, "readings");
    if (readings.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    AtomicInteger outstanding = new AtomicInteger(readings.size());
    for (Reading reading : readings) {
      try {
        send(Topics.READINGS, reading.getStationId(), reading, result, outstanding);
      } catch (RuntimeException e) {
        // Records already handed to the producer still complete; the caller learns of the
        // failure now and must treat the whole batch as not acknowledged.
        result.completeExceptionally(e);
        break;
      }
    }
    return result;
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    Objects.requireNonNull(deadLetter, "deadLetter");
    CompletableFuture<Void> result = new CompletableFuture<>();
    try {
      send(Topics.READINGS_DLQ, deadLetter.getStationId(), deadLetter, result, new AtomicInteger(1));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Sends the end-of-input marker (a reading of station {@link #END_OF_INPUT_STATION_ID}) to every
   * partition of {@link Topics#READINGS}, after everything published before it.
   */
  @Override
  public CompletableFuture<Void> endOfInput(Instant lastEventTime) {
    Reading marker = Reading.newBuilder().setStationId(END_OF_INPUT_STATION_ID).setParameter(END_OF_INPUT_STATION_ID)
        .setMedium(Medium.AIR).setObservedAt(lastEventTime).setValue(0).setUnit("").setSource("end-of-input")
        .setReceivedAt(Instant.now()).build();
    CompletableFuture<Void> result = new CompletableFuture<>();
    try {
      List<PartitionInfo> partitions = producer.partitionsFor(Topics.READINGS.name());
      AtomicInteger outstanding = new AtomicInteger(partitions.size());
      byte[] key = serialize(Topics.READINGS.keySerde().serializer(), Topics.READINGS, END_OF_INPUT_STATION_ID);
      byte[] value = serialize(Topics.READINGS.valueSerde().serializer(), Topics.READINGS, marker);
      for (PartitionInfo partition : partitions) {
        producer.send(new ProducerRecord<>(Topics.READINGS.name(), partition.partition(), key, value),
            acknowledge(result, outstanding));
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  private static Callback acknowledge(CompletableFuture<Void> result, AtomicInteger outstanding) {
    return (metadata, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else if (outstanding.decrementAndGet() == 0) {
        result.complete(null);
      }
    };
  }

  private <V> void send(Topic<String, V> topic, String key, V value, CompletableFuture<Void> result,
                        AtomicInteger outstanding) {
    byte[] keyBytes = serialize(topic.keySerde().serializer(), topic, key);
    byte[] valueBytes = serialize(topic.valueSerde().serializer(), topic, value);
    producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), acknowledge(result, outstanding));
  }

  private static <T> byte[] serialize(Serializer<T> serializer, Topic<?, ?> topic, T value) {
    return value == null ? null : serializer.serialize(topic.name(), value);
  }

  @Override
  public void close() {
    producer.close(closeTimeout);
  }
}
