package org.envmon.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.testsupport.Fixtures;
import org.envmon.ingest.testsupport.RecordingPublisher;
import org.envmon.ingest.testsupport.TopicReader;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay through the real KafkaReadingPublisher into a real broker, read back from envmon.readings. */
@WithKafka
class ReplayToKafkaIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
  private static final StationRegistry STATIONS = Fixtures.shippedStations();

  @TempDir
  Path dir;

  private ReplayResult replay(org.envmon.ingest.core.ReadingPublisher publisher) {
    ReplayOptions options = ReplayOptions.defaults().withDates(LocalDate.of(2013, 3, 1), LocalDate.of(2013, 3, 2))
        .withBatchSize(5);
    return new Replayer(STATIONS, publisher, IngestCounters.inMemory(), options, CLOCK, d -> { })
        .replay(List.of(dir), null);
  }

  @Test
  void replayedReadingsArriveExactlyOnceKeyedByStation(TestKafka kafka) {
    kafka.createTopics(Topics.all(), 1);
    Fixtures.write(dir, "PRSA_Data_Dongsi.csv", ReplayerTest.DONGSI);
    Fixtures.writeGzip(dir, "PRSA_Data_Tiantan.csv.gz", ReplayerTest.TIANTAN);
    Fixtures.write(dir, "PRSA_Data_Atlantis.csv", ReplayerTest.ATLANTIS);
    RecordingPublisher expected = new RecordingPublisher();
    replay(expected);
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());

    try (TopicReader<Reading> readings = new TopicReader<>(kafka, Topics.READINGS);
         TopicReader<DeadLetter> dlq = new TopicReader<>(kafka, Topics.READINGS_DLQ)) {
      ReplayResult result;
      try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(producer)) {
        result = replay(publisher);
      }
      int markers = readings.partitionCount();
      int expectedRecords = expected.readings.size() + markers;

      List<ConsumerRecord<String, Reading>> got = readings.await(expectedRecords, TIMEOUT);
      List<ConsumerRecord<String, DeadLetter>> rejected = dlq.await(expected.deadLetters.size(), TIMEOUT);

      assertThat(result.readingsSent()).isEqualTo(34);
      assertThat(readings.appendedSinceStart()).isEqualTo(expectedRecords);
      assertThat(dlq.appendedSinceStart()).isEqualTo(4);
      List<ConsumerRecord<String, Reading>> data = got.stream()
          .filter(r -> !r.key().equals(KafkaReadingPublisher.END_OF_INPUT_STATION_ID)).toList();
      assertThat(data).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getStationId()));
      assertThat(data).extracting(ConsumerRecord::value).containsExactlyElementsOf(expected.readings);
      assertThat(got).filteredOn(r -> r.key().equals(KafkaReadingPublisher.END_OF_INPUT_STATION_ID))
          .hasSize(markers).extracting(ConsumerRecord::partition).doesNotHaveDuplicates();
      assertThat(got.get(got.size() - 1).value().getStationId())
          .isEqualTo(KafkaReadingPublisher.END_OF_INPUT_STATION_ID);
      assertThat(rejected).extracting(ConsumerRecord::value)
          .usingElementComparator(Comparator.comparing(DeadLetter::getSourceAddress)
              .thenComparing(DeadLetter::getReasonCode).thenComparing(DeadLetter::getReason))
          .containsExactlyInAnyOrderElementsOf(expected.deadLetters);
    }
  }
}
