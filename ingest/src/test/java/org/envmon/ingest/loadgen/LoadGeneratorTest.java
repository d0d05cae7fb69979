package org.envmon.ingest.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.ingest.testsupport.RecordingPublisher;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T06:30:42Z"), ZoneOffset.UTC);

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();

  private LoadGenerator generator(LoadOptions options) {
    return new LoadGenerator(publisher, options, NOW, nanos::get, d -> {
      sleeps.add(d);
      nanos.addAndGet(d.toNanos());
    });
  }

  @Test
  void sendsExactlyTheRequestedMinuteDataEndingNow() {
    LoadOptions options = LoadOptions.of(2).withParameters(List.of("PM2_5", "NO2", "CO")).withReadings(15)
        .withBatchSize(4);

    LoadResult result = generator(options).run(null);

    assertThat(result.readings()).isEqualTo(15);
    assertThat(options.readingsPerRound()).isEqualTo(6);
    assertThat(options.rounds()).as("the last minute partial").isEqualTo(3);
    assertThat(publisher.batchSizes).containsExactly(4, 4, 4, 3);
    assertThat(publisher.readings).extracting(Reading::getStationId, Reading::getParameter).startsWith(
        tuple("load-00001", "PM2_5"), tuple("load-00001", "NO2"), tuple("load-00001", "CO"),
        tuple("load-00002", "PM2_5"));
    assertThat(publisher.readings).extracting(Reading::getObservedAt).containsOnly(
        Instant.parse("2026-11-21T06:28:00Z"), Instant.parse("2026-11-21T06:29:00Z"),
        Instant.parse("2026-11-21T06:30:00Z"));
    assertThat(result.lastEventTime()).isEqualTo(Instant.parse("2026-11-21T06:30:00Z"));
    assertThat(publisher.readings).allSatisfy(r -> {
      assertThat(r.getPeriodSeconds()).isEqualTo(60);
      assertThat(r.getSource()).isEqualTo("loadgen");
    });
    assertThat(publisher.readings).filteredOn(r -> r.getParameter().equals("CO"))
        .allSatisfy(r -> assertThat(r.getUnit()).isEqualTo("mg/m3"));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void sendsHourlyMeansEndingWithTheCurrentHour() {
    LoadOptions options = LoadOptions.of(2).withParameters(List.of("PM2_5")).withReadings(6)
        .withPeriodMinutes(LoadOptions.HOUR);

    LoadResult result = generator(options).run(null);

    assertThat(options.rounds()).isEqualTo(3);
    assertThat(publisher.readings).extracting(Reading::getStationId, Reading::getObservedAt).containsExactly(
        tuple("load-00001", Instant.parse("2026-11-21T04:00:00Z")),
        tuple("load-00002", Instant.parse("2026-11-21T04:00:00Z")),
        tuple("load-00001", Instant.parse("2026-11-21T05:00:00Z")),
        tuple("load-00002", Instant.parse("2026-11-21T05:00:00Z")),
        tuple("load-00001", Instant.parse("2026-11-21T06:00:00Z")),
        tuple("load-00002", Instant.parse("2026-11-21T06:00:00Z")));
    assertThat(publisher.readings).allSatisfy(r -> assertThat(r.getPeriodSeconds()).isEqualTo(3600));
    assertThat(result.firstEventTime()).isEqualTo(Instant.parse("2026-11-21T04:00:00Z"));
    assertThat(result.lastEventTime()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
  }

  @Test
  void roundsStartAtTheHourAndEveryPeriodAfterIt() {
    Instant t = Instant.parse("2026-11-21T06:44:59.900Z");
    assertThat(LoadGenerator.roundStart(t, 1)).isEqualTo(Instant.parse("2026-11-21T06:44:00Z"));
    assertThat(LoadGenerator.roundStart(t, 15)).isEqualTo(Instant.parse("2026-11-21T06:30:00Z"));
    assertThat(LoadGenerator.roundStart(t, 60)).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
  }

  @Test
  void holdsTheTargetRate() {
    LoadOptions options = LoadOptions.of(1).withReadings(15).withBatchSize(5).withRate(10);

    LoadResult result = generator(options).run(null);

    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
    assertThat(result.elapsed()).isEqualTo(Duration.ofMillis(1500));
    assertThat(result.achievedRate()).isEqualTo(10.0);
  }

  @Test
  void syntheticStationsForTheRegistryTopic() {
    assertThat(generator(LoadOptions.of(3)).stations()).extracting(e -> e.station().getId())
        .containsExactly("load-00001", "load-00002", "load-00003");
  }

  @Test
  void clearErrorsForBadOptions() {
    assertThatThrownBy(() -> LoadOptions.of(0)).hasMessageContaining("--stations must be 1 to 99999");
    assertThatThrownBy(() -> LoadOptions.of(1).withParameters(List.of("LEQ")))
        .hasMessageContaining("'LEQ' is not an air parameter");
    assertThatThrownBy(() -> LoadOptions.of(1).withPeriodMinutes(7))
        .hasMessageContaining("must divide an hour").hasMessageContaining("got 7");
    assertThatThrownBy(() -> LoadOptions.parseRate("fast")).hasMessageContaining("--rate must be 'max'");
    assertThat(LoadOptions.parseRate("MAX")).isInfinite();
  }
}
