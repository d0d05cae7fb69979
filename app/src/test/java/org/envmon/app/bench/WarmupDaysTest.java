package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.loadgen.LoadGenerator;
import org.envmon.ingest.loadgen.LoadOptions;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.BeijingZone;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's days of hourly means (--warmup-days) do what they are for: placed before a minute
 * backlog starting at 23:55 Beijing time, they take every station through day changes and day
 * closes (daily statistics and daily AQI) in the real topology.
 */
class WarmupDaysTest {
  private static final Instant BACKLOG_START = Instant.parse("2026-11-21T15:55:00Z"); // 23:55 in Beijing

  @Test
  void threeDaysOfHourlyMeansCloseTheStationsFullDays(@TempDir Path stateDir) {
    LoadOptions days = LoadOptions.of(2).withPeriodMinutes(LoadOptions.HOUR).withReadings(2 * 6 * 24 * 3);
    CollectingPublisher fed = new CollectingPublisher();
    LoadGenerator generator = new LoadGenerator(fed, days,
        Clock.fixed(LoadTiming.lastHourBefore(BACKLOG_START), ZoneOffset.UTC));
    generator.run(null);

    StreamsSettings settings = StreamsSettings.builder().forTests().build();
    Properties props = settings.toProperties("unused:9092");
    props.put("state.dir", stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    try (TopologyTestDriver driver = new TopologyTestDriver(EnvmonTopology.build(settings), props)) {
      TestInputTopic<String, org.envmon.schemas.Station> stations = input(driver, Topics.STATIONS);
      generator.stations().stream().map(StationEntry::station).forEach(s -> stations.pipeInput(s.getId(), s));
      TestInputTopic<String, Reading> readings = input(driver, Topics.READINGS);
      assertThat(fed.deadLetters).isEmpty();
      fed.published.forEach(r -> readings.pipeInput(r.getStationId(), r));

      List<Aggregate> dailyPm25 = driver.createOutputTopic(Topics.AGGREGATES.name(),
              Topics.AGGREGATES.keySerde().deserializer(), Topics.AGGREGATES.valueSerde().deserializer())
          .readValuesToList().stream()
          .filter(a -> a.getParameter().equals("PM2_5") && a.getStatistic().equals("DAILY_MEAN")).toList();
      // the hourly means run from 23:00 on the 18th to 22:00 on the 21st (Beijing): the 18th holds
      // one hour (not a valid day), the 19th and 20th are whole and close 2 h into the next day,
      // the 21st stays open
      assertThat(dailyPm25).extracting(Aggregate::getStationId, a -> day(a.getPeriodStart()), Aggregate::getValid,
              Aggregate::getCount)
          .containsExactlyInAnyOrder(
              tuple("load-00001", "2026-11-18", false, 1), tuple("load-00002", "2026-11-18", false, 1),
              tuple("load-00001", "2026-11-19", true, 24), tuple("load-00002", "2026-11-19", true, 24),
              tuple("load-00001", "2026-11-20", true, 24), tuple("load-00002", "2026-11-20", true, 24));
      List<AqiRecord> dailyAqi = driver.createOutputTopic(Topics.AQI.name(), Topics.AQI.keySerde().deserializer(),
              Topics.AQI.valueSerde().deserializer()).readValuesToList().stream()
          .filter(a -> a.getPeriod().equals("DAY")).toList();
      assertThat(dailyAqi).extracting(a -> day(a.getPeriodStart())).containsOnly("2026-11-18", "2026-11-19",
          "2026-11-20").hasSize(6);
    }
  }

  private static String day(Instant start) {
    return LocalDate.ofInstant(start, BeijingZone.OFFSET).toString();
  }

  private static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }
}
