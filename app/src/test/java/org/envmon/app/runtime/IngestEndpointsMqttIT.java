package org.envmon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT keys reach the MQTT ingest {@code envmon run} starts: a real Mosquitto, the real
 * mosquitto_pub, an embedded Kafka broker, the endpoints built from a configuration like an
 * operator's. With {@code ingest.mqtt.station.rate.*} at 0.5 records/s and a burst of 3, a
 * station's ten messages published at once give three readings (or a few more as the bucket
 * refills) and the rest RATE_LIMITED dead letters.
 */
class IngestEndpointsMqttIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void theConfiguredStationRateDeadLettersAFloodingStationsRecordsAsRateLimited() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.builder()
             .dataDir(dir.resolve("kafka")).brokerPort(0).controllerPort(0).build());
         Mosquitto mosquitto = Mosquitto.start(dir)) {
      broker.createTopics(Topics.all(), 1);
      EnvmonConfig config = ConfigLoader.load(null, Map.of(
          EnvmonConfig.KAFKA_BOOTSTRAP, broker.bootstrapServers(),
          EnvmonConfig.RAW_TOPIC_ENABLED, "false",
          EnvmonConfig.HJ212_PORT, "-1",
          EnvmonConfig.HTTP_PORT, "-1",
          EnvmonConfig.MQTT_URL, mosquitto.uri(),
          EnvmonConfig.MQTT_CLIENT_ID, "envmon-it-" + UUID.randomUUID(),
          EnvmonConfig.MQTT_STATION_RATE, "0.5",
          EnvmonConfig.MQTT_STATION_BURST, "3"));
      try (IngestEndpoints endpoints = ShippedEndpoints.start(config);
           Tail<Reading> readings = new Tail<>(broker.bootstrapServers(), Topics.READINGS);
           Tail<DeadLetter> dlq = new Tail<>(broker.bootstrapServers(), Topics.READINGS_DLQ)) {
        assertThat(endpoints.describe()).contains("MQTT from " + mosquitto.uri());
        // The subscription is made asynchronously: probe with another station until one arrives.
        Awaitility.await("the MQTT subscription").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
          mosquitto.publish("envmon/stations/Guanyuan/readings", reading("Guanyuan", 0));
          return readings.poll().stream().anyMatch(r -> r.getStationId().equals("Guanyuan"));
        });

        long start = System.nanoTime();
        mosquitto.publishLines("envmon/stations/Dongsi/readings",
            IntStream.range(0, 10).mapToObj(i -> reading("Dongsi", i)).toList());
        Awaitility.await("Dongsi's 10 records in envmon.readings or the DLQ").atMost(TIMEOUT).until(() ->
            readings.poll().stream().filter(r -> r.getStationId().equals("Dongsi")).count()
                + dlq.poll().stream().filter(d -> "Dongsi".equals(d.getStationId())).count() >= 10);
        double seconds = (System.nanoTime() - start) / 1e9;

        long accepted = readings.poll().stream().filter(r -> r.getStationId().equals("Dongsi")).count();
        List<DeadLetter> dead = dlq.poll().stream().filter(d -> "Dongsi".equals(d.getStationId())).toList();
        System.out.printf(Locale.ROOT, "MQTT via envmon run, rate 0.5/s burst 3: of Dongsi's 10 messages %d"
            + " accepted, %d dead-lettered, within %.1f s%n", accepted, dead.size(), seconds);
        assertThat(accepted).as("burst 3, then 0.5/s over %.1f s", seconds)
            .isBetween(3L, 3L + (long) Math.ceil(seconds * 0.5));
        assertThat(dead).hasSize(10 - (int) accepted).allSatisfy(d -> {
          assertThat(d.getReasonCode()).isEqualTo("RATE_LIMITED");
          assertThat(d.getSource()).isEqualTo("mqtt");
          assertThat(d.getReason()).contains("0.5 records/s (burst 3)");
        });
      }
    }
  }

  /** A PM10 reading of {@code station}, {@code n} minutes before the last full minute. */
  private static String reading(String station, int n) {
    Instant time = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(n + 1L, ChronoUnit.MINUTES);
    return String.format(Locale.ROOT, "{\"station\":\"%s\",\"parameter\":\"PM10\",\"time\":\"%s\",\"value\":%d}",
        station, time, 40 + n);
  }

  /** Everything a topic received since the tail was opened. */
  private static final class Tail<V> implements AutoCloseable {
    private final KafkaConsumer<String, V> consumer;
    private final List<V> seen = new ArrayList<>();

    Tail(String bootstrap, Topic<String, V> topic) {
      Map<String, Object> p = new HashMap<>();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "mqtt-it-" + UUID.randomUUID());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
      consumer.subscribe(List.of(topic.name()));
    }

    List<V> poll() {
      consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
      return List.copyOf(seen);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
