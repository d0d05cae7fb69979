package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.awaitility.Awaitility;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HJ 212 server against the real Kafka broker with the real Kafka publisher, driven by a
 * socket client that replays the published packets byte for byte.
 */
@WithKafka
class Hj212ServerIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String AIR_MN = "Y80110010000010";
  private static final String MN_2025 = "010000A8900016F000169DC0";

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String airId = "hj212-air-" + run;
  private final String id2025 = "hj212-2025-" + run;
  private KafkaReadingPublisher publisher;
  private SimpleMeterRegistry registry;
  private Hj212Server server;

  @BeforeAll
  static void topics(TestKafka kafka) {
    kafka.createTopics(Topics.all(), 1);
  }

  @BeforeEach
  void start(TestKafka kafka) {
    start(kafka, Hj212ServerOptions.builder().host("127.0.0.1").port(0).build());
  }

  private void start(TestKafka kafka, Hj212ServerOptions options) {
    if (server != null) {
      server.close();
    }
    if (publisher == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      publisher = new KafkaReadingPublisher(props);
    }
    StationEntry air = InMemoryStations.station(airId, Medium.AIR, AIR_MN, "123456", false);
    StationEntry v2025 = InMemoryStations.station(id2025, Medium.AIR, MN_2025, "123456", false);
    InMemoryStations stations = new InMemoryStations(air, v2025);
    registry = new SimpleMeterRegistry();
    server = new Hj212Server(options, stations, new ReadingValidator(stations, Clock.systemUTC(), Duration.ofMinutes(10)),
        publisher, Hj212Mapping.defaults(), registry);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    publisher.close();
  }

  private LoggerClient connect() throws Exception {
    return new LoggerClient(server.port(), TIMEOUT);
  }

  private static byte[] crlf(String wire) {
    return (wire + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** An hourly upload with an answer request, timestamped in the past so it is never "future". */
  private static String hourly(String qn, String pw, String dataTime, String cp) {
    return LoggerFrames.wire("QN=" + qn + ";ST=22;CN=2061;PW=" + pw + ";MN=" + AIR_MN + ";Flag=5;CP=&&DataTime="
        + dataTime + ";" + cp + "&&");
  }

  /** The fields of an answer's data segment, checked for length and CRC by the test's own encoder. */
  private static Map<String, String> answerFields(String answer) {
    String segment = answer.substring(6, answer.length() - 4);
    assertThat(Integer.parseInt(answer.substring(2, 6))).isEqualTo(segment.getBytes(StandardCharsets.UTF_8).length);
    assertThat(answer.substring(answer.length() - 4))
        .isEqualTo(String.format("%04X", LoggerFrames.crc(segment.getBytes(StandardCharsets.UTF_8))));
    Map<String, String> fields = new LinkedHashMap<>();
    for (String f : segment.split(";")) {
      int eq = f.indexOf('=');
      fields.put(f.substring(0, eq), f.substring(eq + 1));
    }
    return fields;
  }

  /**
   * Records of {@code topic} matching {@code filter}, read from the beginning until one satisfies
   * {@code last}; with one partition, everything produced before that record is included.
   */
  private static <V> List<V> consumeThrough(TestKafka kafka, Topic<String, V> topic, Predicate<V> filter,
                                           Predicate<V> last) {
    Map<String, Object> config = kafka.consumerConfig();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      consumer.subscribe(List.of(topic.name()));
      List<V> found = new ArrayList<>();
      Instant deadline = Instant.now().plus(TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record.value())) {
            found.add(record.value());
            if (last.test(record.value())) {
              return found;
            }
          }
        }
      }
      throw new AssertionError("no record ending the sequence within " + TIMEOUT + " on " + topic + "; saw " + found);
    }
  }

  /** Sends a marker reading and waits for its 9014, so everything sent before it has been published. */
  private void sendMarker(LoggerClient logger) throws Exception {
    logger.send(crlf(hourly("20250101000000999", "123456", "20250101000000", "a34001-Avg=1")));
    assertThat(answerFields(logger.readAnswer())).containsEntry("QN", "20250101000000999");
  }

  private List<Reading> readingsThroughMarker(TestKafka kafka, String stationId) {
    return consumeThrough(kafka, Topics.READINGS, r -> r.getStationId().equals(stationId),
        r -> r.getParameter().equals("TSP")).stream().filter(r -> !r.getParameter().equals("TSP")).toList();
  }

  private double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private static <T> List<String> describe(List<T> values, Function<T, String> f) {
    return values.stream().map(f).toList();
  }

  @Test
  void aPacketInThreeSegmentsArrivesInKafkaExactlyOnce(TestKafka kafka) throws Exception {
    Hj212Vectors.Vector realTime = Hj212Vectors.containing("MN=" + AIR_MN);
    try (LoggerClient logger = connect()) {
      logger.sendInParts(crlf(realTime.wire()), 3);
      sendMarker(logger);
    }

    List<Reading> readings = readingsThroughMarker(kafka, airId);

    assertThat(describe(readings, r -> r.getParameter() + "=" + r.getValue() + " " + r.getUnit() + " " + r.getFlag()
        + " @" + r.getObservedAt() + "/" + r.getPeriodSeconds()))
        .containsExactly("CO=0.0 mg/m3 N @2019-10-12T05:37:10Z/60", "NO2=0.0 ug/m3 N @2019-10-12T05:37:10Z/60",
            "NOX=49.2 ug/m3 N @2019-10-12T05:37:10Z/60");
    assertThat(readings).allSatisfy(r -> assertThat(r.getSource()).isEqualTo("hj212"));
  }

  @Test
  void twoPacketsInOneSegmentAreBothAnsweredAndPublished(TestKafka kafka) throws Exception {
    String first = hourly("20250101130000001", "123456", "20250101120000", "a34004-Avg=35.5,a34004-Flag=N");
    String second = hourly("20250101130000002", "123456", "20250101120000", "a21026-Avg=7,a21026-Flag=N");
    try (LoggerClient logger = connect()) {
      logger.send((first + "\r\n" + second + "\r\n").getBytes(StandardCharsets.UTF_8));
      List<String> qns = List.of(answerFields(logger.readAnswer()).get("QN"), answerFields(logger.readAnswer()).get("QN"));
      assertThat(qns).containsExactlyInAnyOrder("20250101130000001", "20250101130000002");
      sendMarker(logger);
    }

    assertThat(describe(readingsThroughMarker(kafka, airId), r -> r.getParameter() + "=" + r.getValue()))
        .containsExactlyInAnyOrder("PM2_5=35.5", "SO2=7.0");
  }

  @Test
  void the2025PacketWithFlag9GetsA9014EchoingItsFields() throws Exception {
    try (LoggerClient logger = connect()) {
      logger.send(crlf(Hj212Vectors.containing("CN=1011").wire()));

      Map<String, String> answer = answerFields(logger.readAnswer());

      assertThat(answer).containsExactly(Map.entry("QN", "20240601085857223"), Map.entry("ST", "91"),
          Map.entry("CN", "9014"), Map.entry("PW", "123456"), Map.entry("MN", MN_2025), Map.entry("Flag", "8"),
          Map.entry("CP", "&&&&"));
    }
    // Counted once the write completed, which may be just after the client read it.
    Awaitility.await("answer counted").atMost(TIMEOUT)
        .until(() -> counter("envmon.hj212.answers.sent", "cn", "9014") == 1);
  }

  @Test
  void theInvalidCrcPacketGetsNoAnswerAndIsDeadLettered(TestKafka kafka) throws Exception {
    String address;
    try (LoggerClient logger = connect()) {
      address = logger.address();
      logger.send(crlf(Hj212Vectors.invalid().wire()));
      logger.send(crlf(LoggerFrames.wire("QN=20250101000000111;ST=22;CN=1013;PW=123456;MN=" + AIR_MN
          + ";Flag=4;CP=&&&&")));

      // The first line to come back answers the time request: the bad packet got nothing.
      assertThat(answerFields(logger.readAnswer())).containsEntry("CN", "9013").containsEntry("QN", "20250101000000111");
    }

    List<DeadLetter> dead = consumeThrough(kafka, Topics.READINGS_DLQ,
        d -> address.equals(d.getSourceAddress()), d -> true);
    assertThat(dead).singleElement().satisfies(d -> {
      assertThat(d.getReasonCode()).isEqualTo("BAD_CRC");
      assertThat(d.getPayload()).contains("MN=LD130133000015").doesNotContain("PW=123456");
    });
  }

  @Test
  void retransmittedValuesArePublishedOnceAndStillAnswered(TestKafka kafka) throws Exception {
    String packet = hourly("20250101130000003", "123456", "20250101120000", "a34002-Avg=80,a34002-Flag=N");
    try (LoggerClient logger = connect()) {
      logger.send(crlf(packet));
      assertThat(answerFields(logger.readAnswer())).containsEntry("CN", "9014");
      logger.send(crlf(packet));
      assertThat(answerFields(logger.readAnswer())).containsEntry("CN", "9014");
      sendMarker(logger);
    }

    assertThat(describe(readingsThroughMarker(kafka, airId), r -> r.getParameter() + "=" + r.getValue()))
        .containsExactly("PM10=80.0");
    assertThat(counter("envmon.hj212.duplicates")).isEqualTo(1);
  }

  @Test
  void aWrongPasswordIsRefusedWithoutAnswerOrData(TestKafka kafka) throws Exception {
    try (LoggerClient logger = connect()) {
      logger.send(crlf(hourly("20250101130000004", "654321", "20250101120000", "a05024-Avg=99")));
      sendMarker(logger); // its answer is the first line back: the refused packet got none
    }

    assertThat(readingsThroughMarker(kafka, airId)).isEmpty();
    List<DeadLetter> dead = consumeThrough(kafka, Topics.READINGS_DLQ,
        d -> airId.equals(d.getStationId()), d -> d.getReasonCode().equals("AUTH_FAILED"));
    assertThat(dead.get(dead.size() - 1).getPayload()).doesNotContain("654321");
    assertThat(counter("envmon.hj212.packets.rejected", "reason", "AUTH_FAILED")).isEqualTo(1);
  }

  @Test
  void oversizedPacketsCloseTheConnection(TestKafka kafka) throws Exception {
    start(kafka, Hj212ServerOptions.builder().host("127.0.0.1").port(0).maxSegmentLength(1024).build());
    try (LoggerClient logger = connect()) {
      byte[] header = "##2000QN=1;".getBytes(StandardCharsets.US_ASCII);
      logger.send(header);
      assertThat(logger.closedByServer()).isTrue();
    }
  }

  @Test
  void idleConnectionsAreClosed(TestKafka kafka) throws Exception {
    start(kafka, Hj212ServerOptions.builder().host("127.0.0.1").port(0).readIdleTimeout(Duration.ofMillis(300)).build());
    try (LoggerClient logger = connect()) {
      assertThat(logger.closedByServer()).isTrue();
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosed(TestKafka kafka) throws Exception {
    start(kafka, Hj212ServerOptions.builder().host("127.0.0.1").port(0).maxConnections(1).build());
    try (LoggerClient first = connect()) {
      // The server admits a connection on its event loop, after the client's connect returned:
      // an answer proves the first is admitted before the second one arrives.
      first.send(crlf(Hj212Vectors.containing("CN=1011").wire()));
      assertThat(answerFields(first.readAnswer())).containsEntry("CN", "9014");
      try (LoggerClient second = connect()) {
        assertThat(second.closedByServer()).isTrue();
      }
      first.send(crlf(Hj212Vectors.containing("CN=1011").wire()));
      assertThat(answerFields(first.readAnswer())).containsEntry("CN", "9014");
    }
    assertThat(counter("envmon.hj212.connections.refused")).isEqualTo(1);
  }
}
