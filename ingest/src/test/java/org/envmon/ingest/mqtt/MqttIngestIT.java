package org.envmon.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.StationRate;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.json.TestStations;
import org.envmon.ingest.json.TopicTail;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.Mosquitto;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Mosquitto, the real mosquitto_pub client and a real Kafka broker. */
@WithKafka
class MqttIngestIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static Mosquitto mosquitto;
  private static KafkaReadingPublisher kafkaPublisher;

  @BeforeAll
  static void start(TestKafka kafka, @TempDir Path dir) throws Exception {
    kafka.createTopics(Topics.all(), 1);
    mosquitto = Mosquitto.start(dir);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    kafkaPublisher = new KafkaReadingPublisher(props);
  }

  @AfterAll
  static void stop() {
    kafkaPublisher.close();
    mosquitto.close();
  }

  private static MqttIngestConfig config(String clientId) {
    return new MqttIngestConfig(mosquitto.uri(), clientId, MqttIngestConfig.DEFAULT_TOPIC_FILTER,
        Duration.ofMinutes(10), 10, Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
  }

  private static MqttIngest start(String clientId, ReadingPublisher publisher) throws Exception {
    return start(config(clientId), publisher);
  }

  private static MqttIngest start(MqttIngestConfig config, ReadingPublisher publisher) throws Exception {
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, IngestCounters.inMemory(),
        TestStations.CLOCK);
    MqttIngest ingest = MqttIngest.start(config, intake, Duration.ofSeconds(10));
    await().atMost(TIMEOUT).until(ingest::isConnected);
    return ingest;
  }

  /** The subscription is asynchronous; a first message through proves it is in place. */
  private static void awaitSubscribed(TopicTail<Reading> readings, String station) throws Exception {
    mosquitto.publish("envmon/stations/" + station + "/readings",
        "{\"station\":\"" + station + "\",\"parameter\":\"SO2\",\"time\":\"2026-04-30T00:00:00Z\",\"value\":1}");
    readings.awaitValues(1, TIMEOUT);
  }

  @Test
  void readingsPublishedWithQos1ArriveInKafkaAndBadOnesInTheDlq(TestKafka kafka) throws Exception {
    try (TopicTail<Reading> readings = TopicTail.fromEnd(kafka, Topics.READINGS);
         TopicTail<DeadLetter> dlq = TopicTail.fromEnd(kafka, Topics.READINGS_DLQ);
         MqttIngest ingest = start("envmon-it-" + UUID.randomUUID(), kafkaPublisher)) {
      awaitSubscribed(readings, "Dongsi");

      mosquitto.publish("envmon/stations/Dongsi/readings",
          "{\"station\":\"Dongsi\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T08:00:00+08:00\",\"value\":35.2}");
      mosquitto.publish("envmon/stations/Guanyuan/readings",
          "[{\"station\":\"Guanyuan\",\"parameter\":\"NO2\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":41},"
              + "{\"station\":\"Guanyuan\",\"parameter\":\"O3\",\"time\":1777593600000,\"value\":88}]");
      mosquitto.publish("envmon/stations/Dongsi/readings", "{\"station\": Dongsi");
      mosquitto.publish("envmon/stations/Dongsi/readings",
          "{\"station\":\"Guanyuan\",\"parameter\":\"PM10\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":3}");

      List<Reading> got = readings.awaitValues(4, TIMEOUT);
      assertThat(got).extracting(Reading::getStationId, Reading::getParameter, Reading::getValue,
          Reading::getSource).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple("Dongsi", "SO2", 1.0, "mqtt"),
          org.assertj.core.groups.Tuple.tuple("Dongsi", "PM2_5", 35.2, "mqtt"),
          org.assertj.core.groups.Tuple.tuple("Guanyuan", "NO2", 41.0, "mqtt"),
          org.assertj.core.groups.Tuple.tuple("Guanyuan", "O3", 88.0, "mqtt"));
      List<DeadLetter> dead = dlq.awaitValues(2, TIMEOUT);
      assertThat(dead).extracting(DeadLetter::getReasonCode, DeadLetter::getSourceAddress, DeadLetter::getSource)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("MALFORMED", "envmon/stations/Dongsi/readings", "mqtt"),
              org.assertj.core.groups.Tuple.tuple("AUTH_FAILED", "envmon/stations/Dongsi/readings", "mqtt"));
      assertThat(readings.valuesAfter(Duration.ofSeconds(1))).hasSize(4);
      assertThat(ingest.isConnected()).isTrue();
    }
  }

  /** One NO2 reading per line (message) of {@code station}, values from {@code first}, a minute apart from 00:00Z. */
  private static List<String> messages(String station, int first, int count) {
    return IntStream.range(0, count).mapToObj(n -> String.format(Locale.ROOT,
        "{\"station\":\"%s\",\"parameter\":\"NO2\",\"time\":\"2026-05-01T%02d:%02d:00Z\",\"value\":%d}",
        station, n / 60, n % 60, first + n)).toList();
  }

  @Test
  void aFloodingStationsRecordsBeyondItsRateGoToTheDlqAsRateLimitedNoneLostWhileAnotherStationPasses(
      TestKafka kafka) throws Exception {
    int flood = 60;
    int other = 8;
    StationRate rate = new StationRate(2, 10); // 10 at once, then 2 records/s
    MqttIngestConfig limited = new MqttIngestConfig(mosquitto.uri(), "envmon-it-" + UUID.randomUUID(),
        MqttIngestConfig.DEFAULT_TOPIC_FILTER, Duration.ofMinutes(10), 10, Optional.empty(), Optional.empty(),
        Duration.ofSeconds(2), rate);
    try (TopicTail<Reading> readings = TopicTail.fromEnd(kafka, Topics.READINGS);
         TopicTail<DeadLetter> dlq = TopicTail.fromEnd(kafka, Topics.READINGS_DLQ);
         MqttIngest ingest = start(limited, kafkaPublisher)) {
      // A first message proves the subscription is in place (one of Guanyuan's 10 at once).
      awaitSubscribed(readings, "Guanyuan");

      long start = System.nanoTime();
      // Dongsi floods (60 messages in one mosquitto_pub run) while Guanyuan sends its 8 meanwhile.
      CompletableFuture<Void> flooding = CompletableFuture.runAsync(() -> {
        try {
          mosquitto.publishLines("envmon/stations/Dongsi/readings", messages("Dongsi", 1000, flood));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      mosquitto.publishLines("envmon/stations/Guanyuan/readings", messages("Guanyuan", 2000, other));
      flooding.get(30, TimeUnit.SECONDS);

      // Until every record sent is in one topic or the other, then a while more: nothing extra comes.
      await().atMost(TIMEOUT).until(() -> readings.valuesAfter(Duration.ofMillis(200)).size()
          + dlq.valuesAfter(Duration.ofMillis(200)).size() >= 1 + other + flood);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Reading> got = readings.valuesAfter(Duration.ofSeconds(1));
      List<DeadLetter> dead = dlq.valuesAfter(Duration.ofSeconds(1));

      List<Double> acceptedDongsi = got.stream().filter(r -> r.getStationId().equals("Dongsi"))
          .map(Reading::getValue).toList();
      assertThat(got).filteredOn(r -> r.getStationId().equals("Guanyuan") && r.getParameter().equals("NO2"))
          .extracting(Reading::getValue)
          .as("the other station's records all pass").containsExactlyInAnyOrderElementsOf(
              IntStream.range(2000, 2000 + other).mapToObj(i -> (double) i).toList());
      assertThat(dead).as("only Dongsi's records beyond its rate are dead-lettered")
          .allSatisfy(d -> {
            assertThat(d.getReasonCode()).isEqualTo("RATE_LIMITED");
            assertThat(d.getStationId()).isEqualTo("Dongsi");
            assertThat(d.getSource()).isEqualTo("mqtt");
          });
      List<Double> deadDongsi = dead.stream()
          .map(d -> Double.parseDouble(d.getPayload().replaceAll(".*\"value\":(\\d+).*", "$1"))).toList();
      System.out.printf(Locale.ROOT, "MQTT station rate %s: of %d records of a flooding station %d accepted and %d"
          + " dead-lettered as RATE_LIMITED (within %.1f s); the other station's %d all accepted%n", rate, flood,
          acceptedDongsi.size(), deadDongsi.size(), seconds, other);
      assertThat(acceptedDongsi.size()).as("the burst, plus at most the rate over the time it took")
          .isBetween(rate.burst(), rate.burst() + (int) Math.ceil(seconds * rate.perSecond()));
      assertThat(deadDongsi).as("the rest went to the DLQ").isNotEmpty();
      List<Double> all = new java.util.ArrayList<>(acceptedDongsi);
      all.addAll(deadDongsi);
      assertThat(all).as("nothing lost, nothing twice: accepted + dead-lettered = sent")
          .containsExactlyInAnyOrderElementsOf(IntStream.range(1000, 1000 + flood).mapToObj(i -> (double) i).toList());
      assertThat(ingest.isConnected()).isTrue();
    }
  }

  @Test
  void aMessageKafkaHasNotAcknowledgedIsNotAcknowledgedToTheBrokerAndComesBackAfterARestart(TestKafka kafka)
      throws Exception {
    String clientId = "envmon-it-" + UUID.randomUUID();
    RecordingPublisher stalledKafka = new RecordingPublisher();
    try (TopicTail<Reading> readings = TopicTail.fromEnd(kafka, Topics.READINGS)) {
      // First life: the message arrives but Kafka never acknowledges it, so no PUBACK goes out.
      try (MqttIngest first = start(clientId, stalledKafka)) {
        mosquitto.publish("envmon/stations/Dongsi/readings",
            "{\"station\":\"Dongsi\",\"parameter\":\"SO2\",\"time\":\"2026-04-30T00:00:00Z\",\"value\":1}");
        await().atMost(TIMEOUT).until(() -> stalledKafka.readings.size() == 1);
        stalledKafka.holdAcks();
        mosquitto.publish("envmon/stations/Dongsi/readings",
            "{\"station\":\"Dongsi\",\"parameter\":\"CO\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":0.9}");
        await().atMost(TIMEOUT).until(() -> stalledKafka.readings.size() == 2);
        assertThat(first.isConnected()).isTrue();
      }
      // While envmon is away the broker keeps the session and queues what is published meanwhile.
      mosquitto.publish("envmon/stations/Dongsi/readings",
          "{\"station\":\"Dongsi\",\"parameter\":\"NO2\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":12}");

      try (MqttIngest second = start(clientId, kafkaPublisher)) {
        List<Reading> got = readings.awaitValues(2, TIMEOUT);
        assertThat(got).extracting(Reading::getParameter, Reading::getValue).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("CO", 0.9),
            org.assertj.core.groups.Tuple.tuple("NO2", 12.0));
        assertThat(readings.valuesAfter(Duration.ofSeconds(1))).hasSize(2);
        assertThat(second.isConnected()).isTrue();
      }
    }
  }

  @Test
  void keepsRetryingWhileKafkaRefusesAndDeliversOnceItTakesTheReading() throws Exception {
    RecordingPublisher flakyKafka = new RecordingPublisher();
    try (MqttIngest ingest = start("envmon-it-" + UUID.randomUUID(), flakyKafka)) {
      mosquitto.publish("envmon/stations/Guanyuan/readings",
          "{\"station\":\"Guanyuan\",\"parameter\":\"SO2\",\"time\":\"2026-04-30T00:00:00Z\",\"value\":1}");
      await().atMost(TIMEOUT).until(() -> flakyKafka.readings.size() == 1);
      flakyKafka.failWith(new IllegalStateException("not enough replicas"));

      mosquitto.publish("envmon/stations/Guanyuan/readings",
          "{\"station\":\"Guanyuan\",\"parameter\":\"NO2\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":7}");
      await().atMost(TIMEOUT).until(() -> flakyKafka.publishAttempts() >= 3);
      flakyKafka.failWith(null);

      await().atMost(TIMEOUT).until(() -> flakyKafka.readings.size() == 2);
      assertThat(flakyKafka.readings.get(1).getParameter()).isEqualTo("NO2");
      assertThat(ingest.isConnected()).isTrue();
    }
  }
}
