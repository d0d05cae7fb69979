package org.envmon.ingest.kafkajson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.json.TestStations;
import org.envmon.ingest.json.TopicTail;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.ExternalTool;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kcat producing JSON lines to envmon.readings.raw on a real broker. */
@WithKafka
class KafkaJsonIngestIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String KCAT = "/usr/bin/kcat";

  private static void kcat(TestKafka kafka, String lines) throws Exception {
    ExternalTool.run(List.of(ExternalTool.require(KCAT, "kcat").toString(), "-b", kafka.bootstrapServers(),
        "-t", Topics.READINGS_RAW.name(), "-P"), lines);
  }

  private static KafkaJsonIngest start(TestKafka kafka, String applicationId, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    KafkaJsonIngest ingest = KafkaJsonIngest.start(props, TestStations.validator(), IngestCounters.inMemory(),
        TestStations.CLOCK);
    await().atMost(TIMEOUT).until(() -> ingest.state() == KafkaStreams.State.RUNNING);
    return ingest;
  }

  @Test
  void validLinesBecomeReadingsBadOnesDeadLettersEachOnceAcrossARestart(TestKafka kafka, @TempDir Path state)
      throws Exception {
    kafka.createTopics(Topics.all(), 1);
    kafka.recreateTopics(List.of(Topics.READINGS_RAW), 1);
    String applicationId = "envmon-kafka-json-it-" + UUID.randomUUID();
    try (TopicTail<Reading> readings = TopicTail.fromEnd(kafka, Topics.READINGS);
         TopicTail<DeadLetter> dlq = TopicTail.fromEnd(kafka, Topics.READINGS_DLQ)) {
      try (KafkaJsonIngest ingest = start(kafka, applicationId, state)) {
        kcat(kafka, """
            {"station":"Dongsi","parameter":"PM2_5","time":"2026-05-01T08:00:00+08:00","value":35.2}
            not json at all
            [{"station":"Guanyuan","parameter":"NO2","time":"2026-05-01T00:00:00Z","value":41},{"station":"Atlantis","parameter":"NO2","time":"2026-05-01T00:00:00Z","value":1}]
            """);

        assertThat(readings.awaitValues(2, TIMEOUT)).extracting(Reading::getStationId, Reading::getParameter,
            Reading::getValue, Reading::getSource).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Dongsi", "PM2_5", 35.2, "kafka-json"),
            org.assertj.core.groups.Tuple.tuple("Guanyuan", "NO2", 41.0, "kafka-json"));
        List<ConsumerRecord<String, DeadLetter>> dead = dlq.awaitRecords(2, TIMEOUT);
        assertThat(dead).extracting(r -> r.value().getReasonCode(), r -> r.value().getSourceAddress())
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("MALFORMED", "envmon.readings.raw-0@1"),
                org.assertj.core.groups.Tuple.tuple("UNKNOWN_STATION", "envmon.readings.raw-0@2#1"));
        assertThat(ingest.state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
      // A restart resumes after the committed offsets: nothing is processed twice.
      try (KafkaJsonIngest again = start(kafka, applicationId, state)) {
        kcat(kafka, "{\"station\":\"Dongsi\",\"parameter\":\"CO\",\"time\":1777593600000,\"value\":0.8}\n");

        assertThat(readings.awaitValues(3, TIMEOUT)).extracting(Reading::getParameter)
            .containsExactlyInAnyOrder("PM2_5", "NO2", "CO");
        assertThat(readings.valuesAfter(Duration.ofSeconds(1))).hasSize(3);
        assertThat(dlq.valuesAfter(Duration.ofMillis(200))).hasSize(2);
        assertThat(again.state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
  }
}
