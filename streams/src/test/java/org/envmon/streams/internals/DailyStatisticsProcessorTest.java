package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.air.AirStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DailyStatisticsProcessor} reads only the days that can still close; it must emit and
 * forget exactly what reading every retained day of the station at each batch did.
 */
class DailyStatisticsProcessorTest {
  private static final long HOUR = BeijingTime.HOUR_MS;
  private static final long DAY = BeijingTime.DAY_MS;
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
  private static final List<String> STATIONS = List.of("Dongsi", "Tiantan");
  private static final List<String> PARAMETERS = List.of("PM2_5", "O3", "CO", "LA");

  @TempDir
  Path stateDir;
  private int harnesses;

  /** One emitted day. */
  private record Emission(String station, long dayStart, int revision) {}

  /** A processor over one store; {@link #restart} gives a fresh instance over the same store, as a rebalance does. */
  private final class Harness implements AutoCloseable {
    final Duration grace;
    final DayCloseSpread spread;
    final Duration lateBound;
    final MockProcessorContext<String, DayBatch> context;
    final KeyValueStore<String, DayState> days;
    final KeyValueStore<String, Station> stations;
    DailyStatisticsProcessor processor;

    Harness(Duration grace, Duration lateBound) {
      this(grace, DayCloseSpread.none(), lateBound);
    }

    Harness(Duration grace, DayCloseSpread spread, Duration lateBound) {
      this.grace = grace;
      this.spread = spread;
      this.lateBound = lateBound;
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "daily-test");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      context = new MockProcessorContext<>(props, new TaskId(0, harnesses++),
          stateDir.resolve("harness-" + harnesses).toFile());
      days = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DailyStatisticsProcessor.STORE),
          Serdes.String(), DayState.SERDE).withLoggingDisabled().build();
      days.init(context.getStateStoreContext(), days);
      context.addStateStore(days);
      stations = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(StationsStore.NAME), Serdes.String(), Topics.STATIONS.valueSerde())
          .withLoggingDisabled().build();
      stations.init(context.getStateStoreContext(), stations);
      context.addStateStore(stations);
      restart();
    }

    void restart() {
      processor = new DailyStatisticsProcessor(new DailyAirAggregates(AirStatistics.builtIn()), grace, spread,
          lateBound);
      processor.init(context);
    }

    /** The days emitted for the batch (a station's end marker is left out; see {@link #processWithMarkers}). */
    List<Emission> process(HourBatch batch) {
      return processWithMarkers(batch).stream().filter(d -> !d.isEndMarker())
          .map(d -> new Emission(d.stationId(), d.dayStart(), d.revision())).toList();
    }

    List<DayBatch> processWithMarkers(HourBatch batch) {
      context.resetForwards();
      processor.process(new Record<>(batch.stationId(), batch, 0L));
      return context.forwarded().stream().map(f -> (DayBatch) f.record().value()).toList();
    }

    @Override
    public void close() {
      days.close();
      stations.close();
    }

    Set<String> storedKeys() {
      Set<String> keys = new TreeSet<>();
      try (KeyValueIterator<String, DayState> it = days.all()) {
        it.forEachRemaining(kv -> keys.add(kv.key));
      }
      return keys;
    }
  }

  /**
   * The behaviour before bounded scans, reduced to which days are emitted and kept: re-emit
   * touched days that were emitted, then walk every retained day in time order, emitting the
   * unemitted ones whose end plus the grace plus the station's offset the clock reached, and
   * deleting those beyond the late bound.
   */
  private static final class EveryDayModel {
    final long graceMs;
    final DayCloseSpread spread;
    final long lateBoundMs;
    final Map<String, TreeMap<Long, Integer>> revisions = new TreeMap<>();

    EveryDayModel(Duration grace, DayCloseSpread spread, Duration lateBound) {
      this.graceMs = grace.toMillis();
      this.spread = spread;
      this.lateBoundMs = lateBound.toMillis();
    }

    List<Emission> process(HourBatch batch) {
      TreeMap<Long, Integer> days = revisions.computeIfAbsent(batch.stationId(), s -> new TreeMap<>());
      Set<Long> touched = new LinkedHashSet<>();
      for (HourlyValue hour : batch.changed()) {
        if (DailyAirAggregates.PARAMETERS.contains(hour.getParameter())) {
          long dayStart = BeijingTime.dayStart(hour.getHourStart().toEpochMilli());
          days.putIfAbsent(dayStart, -1);
          touched.add(dayStart);
        }
      }
      List<Emission> out = new ArrayList<>();
      for (long dayStart : touched) {
        if (days.get(dayStart) >= 0) {
          out.add(emit(batch.stationId(), days, dayStart));
        }
      }
      long clock = batch.clock();
      for (long dayStart : new ArrayList<>(days.keySet())) {
        long dayEnd = dayStart + DAY;
        long closesAt = dayEnd + graceMs + spread.offsetMs(batch.stationId());
        if (days.get(dayStart) < 0 && (clock == Long.MAX_VALUE || closesAt <= clock)) {
          out.add(emit(batch.stationId(), days, dayStart));
        }
        if (clock != Long.MAX_VALUE && dayEnd < clock - lateBoundMs) {
          days.remove(dayStart);
        }
      }
      return out;
    }

    private static Emission emit(String station, TreeMap<Long, Integer> days, long dayStart) {
      int revision = days.get(dayStart) + 1;
      days.put(dayStart, revision);
      return new Emission(station, dayStart, revision);
    }

    Set<String> storedKeys() {
      Set<String> keys = new TreeSet<>();
      revisions.forEach((station, days) -> days.keySet().forEach(d -> keys.add(StateKeys.timed(station, d))));
      return keys;
    }
  }

  private static HourlyValue hour(String station, String parameter, long hourStart, double value) {
    return HourlyValue.newBuilder().setStationId(station).setDistrict("东城").setMedium(Medium.AIR)
        .setParameter(parameter).setHourStart(Instant.ofEpochMilli(hourStart)).setValue(value).setUnit("ug/m3")
        .setSamples(1).setSampleMinutes(60).setValid(true).setQcFlags(List.of()).setRevision(0).build();
  }

  private static HourBatch batch(String station, long clock, HourlyValue... changed) {
    return new HourBatch(station, clock, List.of(changed), List.of(changed));
  }

  @Test
  void emitsAndForgetsTheSameDaysAsReadingEveryDayOnEveryBatch() {
    Duration[][] settings = { // grace, day-close spread, late bound
        {Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(7)},
        {Duration.ZERO, Duration.ZERO, Duration.ofDays(1)},
        {Duration.ofHours(30), Duration.ofHours(5), Duration.ofDays(3)},
        {Duration.ofHours(2), Duration.ZERO, Duration.ofDays(7)},
    };
    int emissions = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Duration grace = settings[(int) (seed % settings.length)][0];
      DayCloseSpread spread = new DayCloseSpread(settings[(int) (seed % settings.length)][1]);
      Duration lateBound = settings[(int) (seed % settings.length)][2];
      Random random = new Random(seed);
      EveryDayModel model = new EveryDayModel(grace, spread, lateBound);
      Map<String, Long> clocks = new TreeMap<>();
      try (Harness harness = new Harness(grace, spread, lateBound)) {
        for (int step = 0; step < 600; step++) {
          String station = STATIONS.get(random.nextInt(STATIONS.size()));
          HourBatch batch = randomBatch(random, station, clocks, lateBound.toMillis());
          if (random.nextInt(100) == 0) {
            harness.restart();
          }
          List<Emission> expected = model.process(batch);
          List<Emission> actual = harness.process(batch);
          assertThat(actual).as("seed %d step %d: %s", seed, step, batch).isEqualTo(expected);
          assertThat(harness.storedKeys()).as("seed %d step %d retained days", seed, step)
              .isEqualTo(model.storedKeys());
          emissions += actual.size();
        }
      }
    }
    assertThat(emissions).as("days emitted over all runs").isGreaterThan(1_000);
  }

  /**
   * A batch as the hourly stage sends it: the station's clock never goes back (except after the
   * end-of-input tick, {@link Long#MAX_VALUE}), hours are at most the late bound behind it.
   */
  private static HourBatch randomBatch(Random random, String station, Map<String, Long> clocks, long lateBoundMs) {
    long clock = clocks.getOrDefault(station, START + random.nextInt(48) * HOUR);
    int jump = random.nextInt(100);
    if (jump < 30) {
      clock += random.nextInt(60) * 60_000L;
    } else if (jump < 90) {
      clock += HOUR * (1 + random.nextInt(3));
    } else if (jump < 97) {
      clock += HOUR * (1 + random.nextInt(24 * 10));
    } else {
      return HourBatch.tick(station, Long.MAX_VALUE);
    }
    clocks.put(station, clock);
    List<HourlyValue> changed = new ArrayList<>();
    int hours = random.nextInt(4);
    for (int i = 0; i < hours; i++) {
      long oldest = BeijingTime.hourStart(clock - lateBoundMs);
      long hourStart = random.nextInt(4) == 0
          ? oldest + HOUR * random.nextInt((int) ((clock - oldest) / HOUR) + 1)
          : BeijingTime.hourStart(clock) - HOUR * random.nextInt(2);
      changed.add(hour(station, PARAMETERS.get(random.nextInt(PARAMETERS.size())), hourStart, random.nextInt(200)));
    }
    return new HourBatch(station, clock, changed, changed);
  }

  @Test
  void eachStationClosesItsDayAtItsOwnOffsetAfterTheGrace() {
    DayCloseSpread spread = new DayCloseSpread(Duration.ofHours(1));
    try (Harness h = new Harness(Duration.ofHours(2), spread, Duration.ofDays(7))) {
      long day = BeijingTime.dayStart(START);
      for (String station : STATIONS) {
        long closesAt = day + DAY + 2 * HOUR + spread.offsetMs(station);
        h.process(batch(station, day + 10 * HOUR, hour(station, "PM2_5", day + 9 * HOUR, 40)));

        assertThat(h.process(HourBatch.tick(station, closesAt - 60_000L))).as(station + " a minute before").isEmpty();
        assertThat(h.process(HourBatch.tick(station, closesAt))).as(station + " at its offset")
            .containsExactly(new Emission(station, day, 0));
      }
      assertThat(STATIONS.stream().map(spread::offsetMs).distinct()).as("the two stations' offsets differ").hasSize(2);
    }
  }

  @Test
  void aLateHourOfADayWithoutDataEmitsThatDayAtOnce() {
    try (Harness h = new Harness(Duration.ofHours(2), Duration.ofDays(7))) {
      long day = BeijingTime.dayStart(START);
      h.process(batch("Dongsi", day + 5 * DAY, hour("Dongsi", "PM2_5", day + 5 * DAY - HOUR, 40)));

      List<Emission> emitted = h.process(batch("Dongsi", day + 5 * DAY, hour("Dongsi", "PM2_5", day + 2 * DAY, 40)));

      assertThat(emitted).containsExactly(new Emission("Dongsi", day + 2 * DAY, 0));
    }
  }

  @Test
  void aRestartedProcessorClosesTheDaysLeftOpenBeforeTheRestart() {
    try (Harness h = new Harness(Duration.ofHours(2), Duration.ofDays(7))) {
      long day = BeijingTime.dayStart(START);
      h.process(batch("Dongsi", day + 10 * HOUR, hour("Dongsi", "PM2_5", day + 9 * HOUR, 40)));
      h.restart();

      assertThat(h.process(HourBatch.tick("Dongsi", day + DAY + HOUR))).isEmpty();
      assertThat(h.process(HourBatch.tick("Dongsi", day + DAY + 2 * HOUR)))
          .containsExactly(new Emission("Dongsi", day, 0));
    }
  }

  @Test
  void endOfInputClosesEveryOpenDayInTimeOrderAndLaterDataStillCloses() {
    try (Harness h = new Harness(Duration.ofHours(2), Duration.ofDays(7))) {
      long day = BeijingTime.dayStart(START);
      h.process(batch("Dongsi", day + 10 * HOUR, hour("Dongsi", "PM2_5", day + 9 * HOUR, 40)));
      h.process(batch("Dongsi", day + DAY + HOUR, hour("Dongsi", "PM2_5", day + DAY, 40)));

      assertThat(h.processWithMarkers(HourBatch.tick("Dongsi", Long.MAX_VALUE)))
          .extracting(DayBatch::dayStart, DayBatch::isEndMarker)
          .as("the station's end marker follows its last days")
          .containsExactly(tuple(day, false), tuple(day + DAY, false), tuple(Long.MAX_VALUE, true));
      assertThat(h.process(batch("Dongsi", day + 3 * DAY + 2 * HOUR, hour("Dongsi", "PM2_5", day + 2 * DAY, 40))))
          .containsExactly(new Emission("Dongsi", day + 2 * DAY, 0));
    }
  }

  @Test
  void daysBeyondTheLateBoundAreDeleted() {
    try (Harness h = new Harness(Duration.ofHours(2), Duration.ofDays(2))) {
      long day = BeijingTime.dayStart(START);
      h.process(batch("Dongsi", day + HOUR, hour("Dongsi", "PM2_5", day, 40)));
      h.process(batch("Tiantan", day + HOUR, hour("Tiantan", "PM2_5", day, 40)));

      h.process(HourBatch.tick("Dongsi", day + 3 * DAY));
      assertThat(h.storedKeys()).as("the day ended exactly the late bound ago").hasSize(2);
      h.process(HourBatch.tick("Dongsi", day + 3 * DAY + 1));

      assertThat(h.storedKeys()).containsExactly(StateKeys.timed("Tiantan", day));
    }
  }
}
