package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.envmon.app.config.ConfigLoader;
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
 * envmon's Kafka clients over TLS, configured only through kafka.* keys: a broker listener with a
 * keystore made by the JDK's keytool, a client trusting that certificate through
 * {@code kafka.ssl.truststore.*}; a client without that trust store is refused.
 */
class KafkaTlsClientIT {
  private static final String LISTENER = "SSL_TEST";
  private static final String STORE_PASSWORD = "store-pw-91d2";

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static Path truststore;

  @BeforeAll
  static void startBroker() throws Exception {
    Path keystore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.pem");
    truststore = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-alias", "broker", "-rfc", "-file", certificate.toString(),
        "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD);
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
        "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
    broker = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(dir.resolve("kafka")).brokerPort(0)
        .controllerPort(0).listener(new ListenerSpec(LISTENER, SecurityProtocol.SSL, 0, Map.of(
            "ssl.keystore.location", keystore.toString(), "ssl.keystore.password", STORE_PASSWORD,
            "ssl.key.password", STORE_PASSWORD, "ssl.keystore.type", "PKCS12"))).build());
    broker.createTopics(List.of(Topics.READINGS), 1);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(p.exitValue()).as("keytool %s: %s", args[0], output).isZero();
  }

  private static Properties client(boolean withTruststore) throws IOException {
    Path file = dir.resolve("envmon-" + withTruststore + ".properties");
    StringBuilder sb = new StringBuilder()
        .append("kafka.bootstrap.servers=").append(broker.bootstrapServers(LISTENER)).append('\n')
        .append("kafka.security.protocol=SSL\n")
        .append("kafka.request.timeout.ms=10000\nkafka.default.api.timeout.ms=15000\nkafka.max.block.ms=15000\n");
    if (withTruststore) {
      sb.append("kafka.ssl.truststore.location=").append(truststore).append('\n')
          .append("kafka.ssl.truststore.password=").append(STORE_PASSWORD).append('\n')
          .append("kafka.ssl.truststore.type=PKCS12\n");
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return ConfigLoader.load(file, Map.of()).kafkaClientProperties();
  }

  @Test
  void envmonProducesOverTlsWithTheConfiguredTruststore() throws Exception {
    Reading reading = Reading.newBuilder().setStationId("tls-station").setParameter("PM2_5").setMedium(Medium.AIR)
        .setObservedAt(Instant.parse("2026-05-01T00:00:00Z")).setValue(12.0).setUnit("ug/m3").setSource("http")
        .setReceivedAt(Instant.parse("2026-05-01T00:00:01Z")).build();
    Properties client = client(true);
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(client)) {
      publisher.publish(List.of(reading)).get(30, TimeUnit.SECONDS);
    }
    try (Admin admin = Admin.create(asMap(client))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(Topics.READINGS.name());
    }
  }

  @Test
  void aClientThatDoesNotTrustTheBrokerCertificateIsRefused() throws Exception {
    try (Admin admin = Admin.create(asMap(client(false)))) {
      assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class);
    }
  }

  private static Map<String, Object> asMap(Properties p) {
    Map<String, Object> m = new HashMap<>();
    p.forEach((k, v) -> m.put(k.toString(), v));
    return m;
  }
}
