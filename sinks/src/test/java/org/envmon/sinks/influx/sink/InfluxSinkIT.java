package org.envmon.sinks.influx.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.sinks.influx.SampleRecords;
import org.envmon.sinks.influx.write.InfluxV1Options;
import org.envmon.sinks.influx.write.InfluxV1Writer;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithInfluxDb;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink against a real Kafka broker and a real InfluxDB 1.x. */
@WithKafka
@WithInfluxDb
class InfluxSinkIT {
  private static final Instant HOUR = Instant.parse("2026-01-15T04:00:00Z");
  private static final Duration CAUGHT_UP = Duration.ofSeconds(60);

  private final TestKafka kafka;

  InfluxSinkIT(TestKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void freshTopics() {
    List<Topic<?, ?>> topics = new ArrayList<>(InfluxSinkOptions.WRITABLE_TOPICS);
    topics.add(Topics.SINK_DLQ);
    kafka.recreateTopics(topics, 2);
  }

  @Test
  void writesEveryTopicAndSendsUndecodableAndRejectedRecordsToTheDlq(InfluxDbServer influx)
      throws Exception {
    String db = newDatabase(influx);
    // A string 'observed' already stored in the alerts shard makes the float alert conflict (HTTP 400).
    influx.write(db, "alerts,station=Other observed=\"n/a\" " + HOUR.toEpochMilli(), "ms");
    produce(SampleRecords.at(HOUR));
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(kafka.producerConfig(),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.AQI.name(), "Dongsi|HOUR".getBytes(), new byte[] {1, 2, 3})).get();
    }

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String group = "sink-" + UUID.randomUUID();
    try (InfluxSink sink = sink(group, influx.url(), db, registry)) {
      sink.start();
      assertThat(sink.awaitCaughtUp(CAUGHT_UP)).isTrue();
      assertThat(registry.get("envmon.influx.lag").gauge().value()).isZero();
    }

    assertStoredOnce(influx, db, 1);
    assertThat(count(influx, db, "alerts", "alert_id")).isZero();
    assertThat(counter(registry, "envmon.influx.points.written")).isEqualTo(23);
    assertThat(counter(registry, "envmon.influx.points.rejected")).isEqualTo(1);
    assertThat(counter(registry, "envmon.influx.records.deadlettered")).isEqualTo(2);

    List<DeadLetter> dead = readDeadLetters(2);
    assertThat(dead).extracting(DeadLetter::getReasonCode)
        .containsExactlyInAnyOrder("DESERIALIZATION", "INFLUX_REJECTED");
    DeadLetter rejected = dead.stream().filter(d -> d.getReasonCode().equals("INFLUX_REJECTED")).findFirst().orElseThrow();
    assertThat(rejected.getSource()).isEqualTo("influx-sink");
    assertThat(rejected.getSourceAddress()).startsWith("envmon.alerts-");
    assertThat(rejected.getStationId()).isEqualTo("Dongsi");
    assertThat(rejected.getReason()).contains("HTTP 400").contains("field type conflict");
    assertThat(rejected.getPayload()).startsWith("alerts,district=东城,medium=air,rule=");
    DeadLetter undecodable = dead.stream().filter(d -> d.getReasonCode().equals("DESERIALIZATION")).findFirst().orElseThrow();
    assertThat(undecodable.getSourceAddress()).startsWith("envmon.aqi-");
    assertThat(undecodable.getPayload()).isEqualTo("010203");

    // A second group reads everything again: identical points overwrite, nothing is duplicated.
    try (InfluxSink replay = sink("sink-" + UUID.randomUUID(), influx.url(), db, new SimpleMeterRegistry())) {
      replay.start();
      assertThat(replay.awaitCaughtUp(CAUGHT_UP)).isTrue();
    }
    assertStoredOnce(influx, db, 1);
  }

  @Test
  void survivesInfluxDbGoingAwayAndLosesOrDuplicatesNothing() throws Exception {
    try (InfluxDbServer influx = InfluxDbServer.launch()) {
      String db = newDatabase(influx);
      produce(SampleRecords.at(HOUR));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (InfluxSink sink = sink("sink-" + UUID.randomUUID(), influx.url(), db, registry)) {
        sink.start();
        assertThat(sink.awaitCaughtUp(CAUGHT_UP)).isTrue();
        assertStoredOnce(influx, db, 1);

        influx.stop();
        produce(SampleRecords.at(HOUR.plusSeconds(3600)));
        await("sink retrying against the stopped InfluxDB").atMost(Duration.ofSeconds(30))
            .until(() -> counter(registry, "envmon.influx.write.retries") >= 3);
        produce(SampleRecords.at(HOUR.plusSeconds(7200)));
        assertThat(sink.awaitCaughtUp(Duration.ofSeconds(1))).isFalse();

        influx.start();
        assertThat(sink.awaitCaughtUp(CAUGHT_UP)).isTrue();
        assertThat(sink.failure()).isNull();
      }
      assertStoredOnce(influx, db, 3);
      assertThat(count(influx, db, "alerts", "alert_id")).isEqualTo(3);
      assertThat(counter(registry, "envmon.influx.points.written")).isEqualTo(3 * 24);
    }
  }

  @Test
  void aMissingDatabaseIsRetriedNotDeadLetteredUntilAnOperatorCreatesIt(InfluxDbServer influx) throws Exception {
    String db = "s" + UUID.randomUUID().toString().replace("-", "");
    produce(SampleRecords.at(HOUR));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (InfluxSink sink = sink("sink-" + UUID.randomUUID(), influx.url(), db, registry)) {
      sink.start();
      await("sink retrying against the missing database").atMost(Duration.ofSeconds(30))
          .until(() -> counter(registry, "envmon.influx.write.retries") >= 2);
      influx.createDatabase(db);
      assertThat(sink.awaitCaughtUp(CAUGHT_UP)).isTrue();
    }
    assertStoredOnce(influx, db, 1);
    assertThat(counter(registry, "envmon.influx.records.deadlettered")).isZero();
    assertThat(counter(registry, "envmon.influx.points.written")).isEqualTo(24);
  }

  private InfluxSink sink(String group, String url, String db, MeterRegistry registry) {
    InfluxSinkOptions options = InfluxSinkOptions.builder().bootstrapServers(kafka.bootstrapServers())
        .groupId(group).backoff(Duration.ofMillis(50), Duration.ofMillis(400)).build();
    InfluxV1Writer writer = new InfluxV1Writer(InfluxV1Options.builder().url(url).database(db)
        .timeout(Duration.ofSeconds(5)).build());
    return new InfluxSink(options, writer, SampleRecords.mapper(), registry);
  }

  private static String newDatabase(InfluxDbServer influx) {
    String db = "s" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(db);
    return db;
  }

  /** Per sample hour: 7 hourly values, 2 rolling, 3 daily, ... (the daily points repeat per hour). */
  private static void assertStoredOnce(InfluxDbServer influx, String db, int hours) {
    assertThat(count(influx, db, "hourly", "value")).isEqualTo(7L * hours);
    assertThat(count(influx, db, "rolling", "value")).isEqualTo(2L * hours);
    assertThat(count(influx, db, "daily", "value")).isEqualTo(3L * hours);
    assertThat(count(influx, db, "noise", "leq")).isEqualTo(2L * hours);
    assertThat(count(influx, db, "water", "class")).isEqualTo(2L * hours);
    assertThat(count(influx, db, "aqi", "aqi")).isEqualTo(2L * hours);
    assertThat(count(influx, db, "plan_progress", "actual")).isEqualTo(3L * hours);
  }

  private static long count(InfluxDbServer influx, String db, String measurement, String field) {
    List<Map<String, Object>> rows = influx.query(db, "SELECT count(\"" + field + "\") FROM \"" + measurement + "\"");
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  private static double counter(MeterRegistry registry, String name) {
    return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private void produce(List<SpecificRecord> records) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
        Topics.HOURLY.keySerde().serializer(), new ByteArraySerializer())) {
      for (SpecificRecord r : records) {
        producer.send(record(r)).get();
      }
    }
  }

  private static ProducerRecord<String, byte[]> record(SpecificRecord r) {
    if (r instanceof HourlyValue h) {
      return encode(Topics.HOURLY, h.getStationId() + "|" + h.getParameter(), h);
    } else if (r instanceof Aggregate a) {
      return encode(Topics.AGGREGATES, a.getStationId() + "|" + a.getParameter() + "|" + a.getStatistic(), a);
    } else if (r instanceof AqiRecord q) {
      return encode(Topics.AQI, q.getStationId() + "|" + q.getPeriod(), q);
    } else if (r instanceof Alert al) {
      return encode(Topics.ALERTS, al.getAlertId(), al);
    }
    PlanProgress p = (PlanProgress) r;
    return encode(Topics.PLAN_PROGRESS, p.getScope() + "|" + p.getTarget() + "|" + p.getYear(), p);
  }

  private static <V> ProducerRecord<String, byte[]> encode(Topic<String, V> topic, String key, V value) {
    return new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  private List<DeadLetter> readDeadLetters(int expected) {
    List<DeadLetter> dead = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(kafka.consumerConfig(),
        Topics.SINK_DLQ.keySerde().deserializer(), Topics.SINK_DLQ.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.SINK_DLQ.name()));
      await("dead letters").atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, DeadLetter> r : consumer.poll(Duration.ofMillis(200))) {
          dead.add(r.value());
        }
        return dead.size() >= expected;
      });
      Stream.of(consumer.poll(Duration.ofMillis(500))).forEach(rs -> rs.forEach(r -> dead.add(r.value())));
    }
    return dead;
  }
}
