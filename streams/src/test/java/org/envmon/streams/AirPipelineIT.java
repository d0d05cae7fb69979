package org.envmon.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.BeijingZone;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology on a real broker with exactly-once: daily PM2.5 means of 2 stations x 3 days. */
@WithKafka
class AirPipelineIT {
  private static final int PARTITIONS = 2;
  private static final LocalDate FIRST_DAY = LocalDate.of(2014, 3, 1);
  private static final List<String> STATIONS = List.of("Dongsi", "Tiantan");

  @TempDir
  Path stateDir;

  /** Station-day -> the hourly values sent (the test's own oracle). */
  private final Map<String, List<Double>> sent = new HashMap<>();

  @Test
  void dailyPm25MeansEqualAnIndependentComputation(TestKafka kafka) {
    kafka.recreateTopics(Topics.all(), PARTITIONS);
    StreamsSettings settings = StreamsSettings.builder().forTests()
        .applicationId("envmon-air-it-" + UUID.randomUUID().toString().substring(0, 8)).stateDir(stateDir).build();
    Properties props = settings.toProperties(kafka.bootstrapServers());
    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");

    produceInput(kafka);
    try (KafkaStreams streams = new KafkaStreams(EnvmonTopology.build(settings), props)) {
      streams.start();
      Map<String, Aggregate> daily = awaitDailyPm25(kafka, STATIONS.size() * 3);

      for (Map.Entry<String, List<Double>> expected : sent.entrySet()) {
        Aggregate actual = daily.get(expected.getKey());
        assertThat(actual).as(expected.getKey()).isNotNull();
        List<Double> hours = expected.getValue();
        double mean = hours.stream().mapToDouble(Double::doubleValue).sum() / hours.size();
        assertThat(actual.getCount()).as(expected.getKey()).isEqualTo(hours.size());
        assertThat(actual.getValid()).as(expected.getKey()).isEqualTo(hours.size() >= 20);
        assertThat(actual.getValue()).as(expected.getKey()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(actual.getStandard()).isEqualTo("GB 3095-2012");
      }
      DeadLetter corrupt = kafka.consume(Topics.READINGS_DLQ, 1).get(0).value();
      assertThat(corrupt.getReasonCode()).isEqualTo("DESERIALIZATION");
      assertThat(corrupt.getSourceAddress()).startsWith(Topics.READINGS.name() + "-");
    }
  }

  private void produceInput(TestKafka kafka) {
    try (KafkaProducer<String, Station> stations = kafka.producer(Topics.STATIONS)) {
      STATIONS.forEach(id -> stations.send(new ProducerRecord<>(Topics.STATIONS.name(), id, station(id))));
    }
    Random random = new Random(42);
    try (KafkaProducer<String, Reading> readings = kafka.producer(Topics.READINGS);
         KafkaProducer<String, byte[]> raw = kafka.producer(new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.READINGS.name(), "Dongsi", "garbage".getBytes(StandardCharsets.UTF_8)));
      for (int day = 0; day < 3; day++) {
        LocalDate date = FIRST_DAY.plusDays(day);
        for (int hour = 0; hour < 24; hour++) {
          for (String station : STATIONS) {
            boolean gap = station.equals("Tiantan") && day == 1 && hour >= 19; // 19 hours: an invalid day
            if (gap) {
              continue;
            }
            double value = 20 + random.nextInt(150);
            Instant start = AirDriver.beijing(date, hour, 0);
            readings.send(new ProducerRecord<>(Topics.READINGS.name(), station,
                AirDriver.hourlyReading(station, "PM2_5", start, value, "ug/m3")));
            sent.computeIfAbsent(station + "|" + date, k -> new ArrayList<>()).add(value);
          }
        }
      }
      Reading marker = AirDriver.hourlyReading(EndOfInput.STATION_ID, "PM2_5", AirDriver.beijing(FIRST_DAY, 0, 0),
          0, "ug/m3");
      for (int partition = 0; partition < PARTITIONS; partition++) {
        readings.send(new ProducerRecord<>(Topics.READINGS.name(), partition, EndOfInput.STATION_ID, marker));
      }
    }
  }

  private static Station station(String id) {
    return AirDriver.station(id, 3600);
  }

  private static Map<String, Aggregate> awaitDailyPm25(TestKafka kafka, int expected) {
    Map<String, Aggregate> daily = new HashMap<>();
    try (KafkaConsumer<String, Aggregate> consumer = new KafkaConsumer<>(kafka.consumerConfig(),
        Topics.AGGREGATES.keySerde().deserializer(), Topics.AGGREGATES.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.AGGREGATES.name()));
      Awaitility.await("daily PM2.5 aggregates").atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
          .until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
              Aggregate a = r.value();
              if (a.getStatistic().equals("DAILY_MEAN") && a.getParameter().equals("PM2_5")) {
                LocalDate date = a.getPeriodStart().atOffset(BeijingZone.OFFSET)
                    .toLocalDate();
                daily.put(a.getStationId() + "|" + date, a);
              }
            });
            return daily.size() >= expected;
          });
    }
    return daily;
  }
}
