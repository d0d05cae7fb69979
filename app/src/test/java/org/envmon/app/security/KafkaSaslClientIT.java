package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.awaitility.Awaitility;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.broker.ListenerSpec;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * envmon's Kafka clients over SASL/PLAIN, configured only through the {@code kafka.*} keys of a
 * properties file (EnvmonConfig's passthrough): the real ingest publisher produces and a consumer
 * built from the same properties reads back; a wrong password is refused by the broker.
 */
class KafkaSaslClientIT {
  private static final String USER = "envmon";
  private static final String PASSWORD = "sasl-pw-4c1e9b";

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(dir.resolve("kafka")).brokerPort(0)
        .controllerPort(0).listener(ListenerSpec.saslPlain(0, Map.of(USER, PASSWORD))).build());
    broker.createTopics(List.of(Topics.READINGS), 1);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  /** The configuration an operator writes: bootstrap and security keys, all under kafka.*. */
  private static EnvmonConfig config(String password) throws IOException {
    Path file = dir.resolve("envmon-" + password + ".properties");
    Files.writeString(file, String.join("\n",
        "kafka.bootstrap.servers=" + broker.bootstrapServers(ListenerSpec.SASL_PLAIN),
        "kafka.security.protocol=SASL_PLAINTEXT",
        "kafka.sasl.mechanism=PLAIN",
        "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"" + USER + "\" password=\"" + password + "\";",
        "kafka.request.timeout.ms=10000",
        "kafka.default.api.timeout.ms=15000",
        "kafka.max.block.ms=15000"), StandardCharsets.UTF_8);
    return ConfigLoader.load(file, Map.of());
  }

  @Test
  void envmonClientsProduceAndConsumeOverSaslPlain() throws Exception {
    Properties client = config(PASSWORD).kafkaClientProperties();
    assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");

    Reading reading = Reading.newBuilder().setStationId("sasl-station").setParameter("PM2_5").setMedium(Medium.AIR)
        .setObservedAt(Instant.parse("2026-05-01T00:00:00Z")).setValue(35.0).setUnit("ug/m3").setSource("http")
        .setReceivedAt(Instant.parse("2026-05-01T00:00:01Z")).build();
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(client)) {
      publisher.publish(List.of(reading)).get(30, TimeUnit.SECONDS);
    }

    Properties consumerProps = new Properties();
    consumerProps.putAll(client);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-it");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<Reading> read = new ArrayList<>();
    try (KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(consumerProps,
        Topics.READINGS.keySerde().deserializer(), Topics.READINGS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.READINGS.name()));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, Reading> r : consumer.poll(Duration.ofMillis(200))) {
          read.add(r.value());
        }
        return !read.isEmpty();
      });
    }
    assertThat(read).containsExactly(reading);
  }

  @Test
  void aWrongPasswordIsRefusedByTheBroker() throws Exception {
    Properties client = config("not-" + PASSWORD).kafkaClientProperties();
    Map<String, Object> admin = new java.util.HashMap<>();
    client.forEach((k, v) -> admin.put(k.toString(), v));
    try (Admin a = Admin.create(admin)) {
      assertThatThrownBy(() -> a.listTopics().names().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
    }
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(client)) {
      Reading reading = Reading.newBuilder().setStationId("intruder").setParameter("PM2_5").setMedium(Medium.AIR)
          .setObservedAt(Instant.parse("2026-05-01T00:00:00Z")).setValue(1.0).setUnit("ug/m3").setSource("http")
          .setReceivedAt(Instant.parse("2026-05-01T00:00:01Z")).build();
      assertThatThrownBy(() -> publisher.publish(List.of(reading)).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .satisfies(e -> assertThat(causes(e)).anyMatch(SaslAuthenticationException.class::isInstance));
    }
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
      all.add(t);
    }
    return all;
  }
}
