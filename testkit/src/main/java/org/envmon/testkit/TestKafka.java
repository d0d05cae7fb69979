package org.envmon.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.broker.TopicAdmin;
import org.envmon.schemas.topics.Topic;

/**
 * The real Kafka broker shared by all tests of one JVM (see {@link KafkaBrokerExtension}), with
 * helpers to give each test its own topics and client settings.
 */
public final class TestKafka implements AutoCloseable {
  private static final AtomicInteger STARTS = new AtomicInteger();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedKafkaBroker broker;
  private final Path dataDir;
  private final TopicAdmin topics;
  private final AtomicInteger topicCounter = new AtomicInteger();

  private TestKafka(EmbeddedKafkaBroker broker, Path dataDir) {
    this.broker = broker;
    this.dataDir = dataDir;
    this.topics = new TopicAdmin(broker.bootstrapServers());
  }

  /** Starts a fresh broker on free ports in a new temporary directory. */
  static TestKafka start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("envmon-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the test Kafka broker", e);
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(dir).build());
    STARTS.incrementAndGet();
    return new TestKafka(broker, dir);
  }

  /** How many test brokers this JVM has started (1 when every test shares the broker). */
  public static int starts() {
    return STARTS.get();
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /**
   * Creates a topic no other test uses, named {@code <prefix>-<n>-<random>}, and returns its name.
   */
  public String uniqueTopic(String prefix, int partitions) {
    String safePrefix = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    String name = safePrefix + "-" + topicCounter.incrementAndGet() + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    topics.createTopic(name, partitions, false);
    return name;
  }

  /** {@link #uniqueTopic(String, int)} with one partition, so records keep their order. */
  public String uniqueTopic(String prefix) {
    return uniqueTopic(prefix, 1);
  }

  /** Creates the given envmon topics unless they exist (e.g. {@code Topics.all()}); returns the names created. */
  public Set<String> createTopics(Collection<? extends Topic<?, ?>> envmonTopics, int partitions) {
    return topics.createTopics(envmonTopics, partitions);
  }

  /**
   * Deletes the given envmon topics with their records and creates them again empty, for tests
   * that must use the fixed envmon topic names yet not see earlier tests' records.
   */
  public void recreateTopics(Collection<? extends Topic<?, ?>> envmonTopics, int partitions) {
    List<String> names = envmonTopics.stream().map(Topic::name).toList();
    try (Admin admin = Admin.create(adminConfig())) {
      try {
        admin.deleteTopics(names).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException("cannot delete topics " + names + ": " + e.getCause(), e);
        }
      }
      // Deletion completes asynchronously; creating a topic still being deleted fails.
      Awaitility.await("topics " + names + " deleted").atMost(TIMEOUT)
          .until(() -> admin.listTopics().names().get().stream().noneMatch(names::contains));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting topics " + names, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("deleting topics " + names + " took longer than " + TIMEOUT, e);
    }
    topics.createTopics(envmonTopics, partitions);
  }

  /** Admin client settings for this broker. */
  public Map<String, Object> adminConfig() {
    return new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Producer settings for this broker: acks=all, idempotent; add serializers yourself. */
  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return config;
  }

  /** Consumer settings for this broker: a new group id each call, reading from the earliest offset. */
  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  /**
   * Kafka Streams settings for this broker: a unique application id from {@code appIdPrefix},
   * {@code exactly_once_v2} as in production, state in {@code stateDir}, 100 ms commits so
   * results show up quickly.
   */
  public Properties streamsConfig(String appIdPrefix, Path stateDir) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers());
    props.put("application.id", appIdPrefix + "-" + UUID.randomUUID());
    props.put("processing.guarantee", "exactly_once_v2");
    props.put("state.dir", stateDir.toString());
    props.put("commit.interval.ms", 100);
    return props;
  }

  /** A producer with {@link #producerConfig()} and the topic's own serdes. */
  public <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic) {
    return producer(topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
    return new KafkaProducer<>(producerConfig(), keys, values);
  }

  /** {@link #consume(String, Deserializer, Deserializer, int)} with the topic's own serdes. */
  public <K, V> List<ConsumerRecord<K, V>> consume(Topic<K, V> topic, int atLeast) {
    return consume(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer(), atLeast);
  }

  /**
   * Reads {@code topic} from the beginning (committed records only) until at least
   * {@code atLeast} records arrived, then returns all read so far; fails after 30 s with what it got.
   */
  public <K, V> List<ConsumerRecord<K, V>> consume(String topic, Deserializer<K> keys, Deserializer<V> values,
                                                    int atLeast) {
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(), keys, values)) {
      consumer.subscribe(List.of(topic));
      Awaitility.await().atMost(TIMEOUT).pollDelay(Duration.ZERO).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= atLeast;
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("expected at least " + atLeast + " records on " + topic + " within "
          + TIMEOUT.toSeconds() + " s, got " + records.size() + ": " + records, e);
    }
    return records;
  }

  /** Stops the broker and deletes its temporary directory (called once, at the end of the test run). */
  @Override
  public void close() {
    broker.close();
    TempDirs.deleteRecursively(dataDir);
  }
}
