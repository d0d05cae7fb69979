package org.envmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path sharedDir;
  private static EmbeddedKafkaBroker shared;

  @BeforeAll
  static void startShared() {
    shared = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(sharedDir)
        .listener(ListenerSpec.saslPlain(0, Map.of("alice", "alice-secret")))
        .build());
  }

  @AfterAll
  static void stopShared() {
    shared.close();
  }

  @Test
  void keepsRecordsAndClusterIdAcrossARestartOnTheSameDirAndPorts(@TempDir Path dir) {
    BrokerOptions resolved;
    String clusterId;
    String topic = "restart-" + UUID.randomUUID();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(dir).build())) {
      resolved = broker.options();
      clusterId = broker.clusterId();
      assertThat(resolved.brokerPort()).isPositive();
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + resolved.brokerPort());
      new TopicAdmin(broker.bootstrapServers()).createTopic(topic, 1, false);
      produce(broker.bootstrapServers(), Map.of(), topic, "station-1", "42.0");
      assertThat(consumeAll(broker.bootstrapServers(), topic, 1, "read_uncommitted"))
          .containsExactly("station-1=42.0");
    }

    try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(resolved)) {
      assertThat(again.clusterId()).isEqualTo(clusterId);
      assertThat(again.bootstrapServers()).isEqualTo("127.0.0.1:" + resolved.brokerPort());
      assertThat(consumeAll(again.bootstrapServers(), topic, 1, "read_uncommitted"))
          .containsExactly("station-1=42.0");
    }
  }

  @Test
  void readCommittedConsumersSeeCommittedTransactionsOnly() throws Exception {
    String topic = "tx-" + UUID.randomUUID();
    new TopicAdmin(shared.bootstrapServers()).createTopic(topic, 1, false);
    Map<String, Object> tx = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());
    try (KafkaProducer<String, String> producer = producer(shared.bootstrapServers(), tx)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "s", "aborted")).get(30, TimeUnit.SECONDS);
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "s", "committed")).get(30, TimeUnit.SECONDS);
      producer.commitTransaction();
    }
    assertThat(consumeAll(shared.bootstrapServers(), topic, 1, "read_committed")).containsExactly("s=committed");
  }

  @Test
  void createsEnvmonTopicsOnceWithCompactionWhereDeclared() throws Exception {
    Set<String> created = shared.createTopics(Topics.all());
    assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(t -> t.name()).toList());
    assertThat(shared.createTopics(Topics.all())).isEmpty();

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shared.bootstrapServers()))) {
      ConfigResource stations = new ConfigResource(ConfigResource.Type.TOPIC, Topics.STATIONS.name());
      ConfigResource readings = new ConfigResource(ConfigResource.Type.TOPIC, Topics.READINGS.name());
      Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(stations, readings)).all().get(30, TimeUnit.SECONDS);
      assertThat(configs.get(stations).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
      assertThat(configs.get(readings).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
      assertThat(admin.describeTopics(List.of(Topics.READINGS.name())).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(Topics.READINGS.name()).partitions()).hasSize(BrokerOptions.DEFAULT_PARTITIONS);
    }
  }

  @Test
  void refusesADataDirectoryAnotherBrokerUses() {
    BrokerOptions sameDir = BrokerOptions.builder().dataDir(shared.options().dataDir()).build();
    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(sameDir))
        .isInstanceOf(BrokerStartException.class)
        .hasMessage("the Kafka data directory " + shared.options().dataDir() + " is in use by another broker in this JVM"
            + " (an envmon broker is running on it); stop that broker or choose another data directory");
    // The refused second instance must leave the running one intact.
    String topic = "after-refusal-" + UUID.randomUUID();
    new TopicAdmin(shared.bootstrapServers()).createTopic(topic, 1, false);
    produce(shared.bootstrapServers(), Map.of(), topic, "k", "v");
    assertThat(consumeAll(shared.bootstrapServers(), topic, 1, "read_uncommitted")).containsExactly("k=v");
  }

  @Test
  void aStartThatTimesOutCleansUpSoTheDirectoryCanBeUsedAgain(@TempDir Path dir) {
    BrokerOptions impatient = BrokerOptions.builder().dataDir(dir).startTimeout(Duration.ofMillis(1)).build();
    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(impatient))
        .isInstanceOf(BrokerStartException.class)
        .hasMessageContaining("did not start within 0.001s (data dir " + dir.toAbsolutePath().normalize() + ")");

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(impatient.toBuilder()
        .startTimeout(BrokerOptions.DEFAULT_START_TIMEOUT).build())) {
      assertThat(broker.createTopics(List.of(Topics.READINGS_RAW), 1)).containsExactly(Topics.READINGS_RAW.name());
    }
  }

  @Test
  void saysWhichPortIsInUse(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      BrokerOptions options = BrokerOptions.builder().dataDir(dir).brokerPort(taken.getLocalPort()).build();
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(options))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
    }
  }

  @Test
  void saslPlainListenerAcceptsKnownUsersOnly() throws Exception {
    String sasl = shared.bootstrapServers(ListenerSpec.SASL_PLAIN);
    assertThat(sasl).isNotEqualTo(shared.bootstrapServers());
    String topic = "sasl-" + UUID.randomUUID();
    Map<String, Object> alice = saslClient("alice", "alice-secret");
    Map<String, Object> adminConfig = new HashMap<>(alice);
    adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sasl);
    new TopicAdmin(adminConfig).createTopic(topic, 1, false);
    produce(sasl, alice, topic, "s", "over-sasl");
    assertThat(consumeAll(sasl, alice, topic, 1, "read_uncommitted")).containsExactly("s=over-sasl");

    Map<String, Object> intruder = new HashMap<>(saslClient("alice", "wrong"));
    intruder.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sasl);
    try (Admin admin = Admin.create(intruder)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static Map<String, Object> saslClient(String user, String password) {
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
        SaslConfigs.SASL_MECHANISM, "PLAIN",
        SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"" + user + "\" password=\"" + password + "\";");
  }

  static void produce(String bootstrap, Map<String, Object> extra, String topic, String key, String value) {
    try (KafkaProducer<String, String> producer = producer(bootstrap, extra)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot produce to " + topic + ": " + e, e);
    }
  }

  static KafkaProducer<String, String> producer(String bootstrap, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Reads {@code expected} records from the beginning of {@code topic} as "key=value". */
  static List<String> consumeAll(String bootstrap, String topic, int expected, String isolation) {
    return consumeAll(bootstrap, Map.of(), topic, expected, isolation);
  }

  static List<String> consumeAll(String bootstrap, Map<String, Object> extra, String topic, int expected,
                                 String isolation) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
             new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.key() + "=" + r.value());
        }
        return seen.size() >= expected;
      });
    }
    return seen;
  }
}
