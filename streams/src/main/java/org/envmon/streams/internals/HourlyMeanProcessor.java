package org.envmon.streams.internals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.streams.qc.QcFlag;
import org.envmon.streams.qc.QualityControl;
import org.envmon.standards.Parameter;
import org.envmon.standards.air.AirStatistics;

/**
 * Hourly values of QC'd samples of every medium per station-hour, on event time (combined by
 * {@link HourlyMean}). An hour closes when the
 * station's clock (its latest observation time) reaches the hour's end; every parameter of the
 * hour is then emitted with revision 0. Data for a closed hour recomputes it and re-emits it
 * with the next revision; data older than end + grace also goes to the late topic; data older
 * than the late bound goes to the late topic and the dead-letter topic and changes nothing.
 * The end-of-input marker closes every open hour of the task; a wall-clock punctuator advances
 * the clock of stations silent for longer than the configured silence and closes their hours.
 * After each hour's close, and whenever the clock enters a new tick interval (shorter than an
 * hour when the daily stage spreads its closes, {@link DayCloseSpread#tickIntervalMs}), a clock
 * tick (a batch without values) tells the stages below how far the station's time has come.
 */
public final class HourlyMeanProcessor implements Processor<String, QcOutcome, String, HourlyOutcome> {
  public static final String NAME = "hourly-means";
  /** Per station: its event-time clock and last arrival. */
  public static final String CLOCKS_STORE = "station-clocks";
  /** Per station-hour: the running aggregates of every parameter's samples, kept for the late bound. */
  public static final String HOURS_STORE = "hour-samples";

  private static final long UNSET = Long.MIN_VALUE;
  /** Longer spans (a station silent for weeks) are deleted by one range scan. */
  private static final int MAX_HOURS_DELETED_BY_KEY = 31 * 24;
  private final AirStatistics statistics;
  private final long graceMs;
  private final long lateBoundMs;
  private final Duration punctuationInterval;
  private final long silenceMs;
  private final long tickIntervalMs;
  private ProcessorContext<String, HourlyOutcome> context;
  private KeyValueStore<String, StationClock> clocks;
  private OpenHours hours;
  private StationsStore stations;

  public HourlyMeanProcessor(AirStatistics statistics, Duration grace, Duration lateBound,
                             Duration punctuationInterval, Duration silence, long tickIntervalMs) {
    if (tickIntervalMs <= 0 || BeijingTime.HOUR_MS % tickIntervalMs != 0) {
      throw new IllegalArgumentException("the clock tick interval must divide an hour (got " + tickIntervalMs + " ms)");
    }
    this.tickIntervalMs = tickIntervalMs;
    this.statistics = statistics;
    this.graceMs = grace.toMillis();
    this.lateBoundMs = lateBound.toMillis();
    this.punctuationInterval = punctuationInterval;
    this.silenceMs = silence.toMillis();
  }

  public static StoreBuilder<KeyValueStore<String, StationClock>> clocksStoreBuilder() {
    return StateStores.writeBehindInMemory(CLOCKS_STORE, StationClock.SERDE);
  }

  public static StoreBuilder<KeyValueStore<String, HourState>> hoursStoreBuilder() {
    return StateStores.writeBehind(HOURS_STORE, HourState.SERDE);
  }

  @Override
  public void init(ProcessorContext<String, HourlyOutcome> context) {
    this.context = context;
    this.clocks = context.getStateStore(CLOCKS_STORE);
    this.hours = new OpenHours(context.getStateStore(HOURS_STORE));
    this.stations = StationsStore.of(context);
    context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::closeSilentStations);
  }

  @Override
  public void process(Record<String, QcOutcome> record) {
    QcOutcome outcome = record.value();
    if (outcome.endOfInput()) {
      closeEverything(record.timestamp());
    } else if (outcome.sample() != null) {
      accept(outcome.sample(), record.timestamp());
    }
  }

  private void accept(QcSample sample, long timestamp) {
    String station = sample.stationId();
    StationClock previous = clocks.get(station);
    long clock = previous == null ? UNSET : previous.eventTime();
    long observedAt = sample.observedAt();
    long hourStart = BeijingTime.hourStart(observedAt);
    long now = context.currentSystemTimeMs();
    if (clock != UNSET && observedAt < clock - lateBoundMs) {
      clocks.put(station, new StationClock(clock, now));
      forward(station, HourlyOutcome.late(sample.reading()), timestamp);
      forward(station, HourlyOutcome.dead(DeadLetters.of("LATE", "observed at " + sample.reading().getObservedAt()
          + ", more than the late bound of " + Duration.ofMillis(lateBoundMs) + " behind the station's clock "
          + Instant.ofEpochMilli(clock) + "; it was not folded into any aggregate (raise lateBound to keep it)",
          sample.coordinates(), station, sample.reading().toString(), now)), timestamp);
      return;
    }
    if (clock != UNSET && hourStart + BeijingTime.HOUR_MS + graceMs <= clock) {
      forward(station, HourlyOutcome.late(sample.reading()), timestamp);
    }
    String key = StateKeys.timed(station, hourStart);
    // every stored hour started by its station's clock, so an hour after the clock's is new: no read
    boolean newHour = clock != UNSET && hourStart > BeijingTime.hourStart(clock);
    HourState state = newHour ? null : hours.get(station, key);
    if (state == null) {
      state = new HourState();
    }
    HourState.Accumulator accumulator = state.accumulator(sample.parameter().code());
    if (sample.hourlyMean()) {
      accumulator.replace(sample.value(), sample.valid(), sample.sampleMinutes(), sample.flags());
    } else {
      accumulator.add(sample.value(), sample.valid(), sample.sampleMinutes(), sample.flags());
    }
    long newClock = clock == UNSET ? observedAt : Math.max(clock, observedAt);
    clocks.put(station, new StationClock(newClock, now));
    if (accumulator.revision() >= 0 || hourStart + BeijingTime.HOUR_MS <= newClock) {
      // the hour was already emitted (or closed by end of input): recompute it, emit the next revision
      forward(station, HourlyOutcome.of(emit(station, hourStart, state, List.of(sample.parameter().code()),
          newClock)), timestamp);
    }
    if (clock == UNSET || BeijingTime.hourStart(newClock) > BeijingTime.hourStart(clock)) {
      // before the new hour is written, so the hour it closes is still the station's newest, decoded
      closeHours(station, clock, newClock, timestamp);
    } else if (Math.floorDiv(newClock, tickIntervalMs) > Math.floorDiv(clock, tickIntervalMs)) {
      forward(station, HourlyOutcome.of(HourBatch.tick(station, newClock)), timestamp);
    }
    hours.put(station, key, state);
  }

  /**
   * Emits every hour of the station that ended by {@code clock}, then a clock tick. A value is
   * left unemitted only in the hour open at the station's clock (a reading for an hour the clock
   * has passed is emitted on arrival), so that one hour is read, by key; a station's first clock
   * has no earlier hour at all (its hours and clock are stored together). Range scans here were
   * the replay's hot spot: RocksDB's seek past a station's last hour steps over the tombstones of
   * the next station's expired hours until compaction drops them.
   */
  private void closeHours(String station, long previousClock, long clock, long timestamp) {
    if (previousClock != UNSET) {
      closeHour(station, BeijingTime.hourStart(previousClock), clock, timestamp);
    }
    // Expired hours are deleted an hour at a time, each station's with its hour's close: a day at
    // a time, every station deleted 24 hours at the same hour close, and the bench's probes waited
    // behind it. A station without a clock has no hours to forget: its clock is written with each
    // of its readings and committed with its hours, and no hour is kept below the late bound of
    // its first clock.
    if (previousClock != UNSET && clock != Long.MAX_VALUE) {
      long bound = expiryBound(clock);
      long previousBound = expiryBound(previousClock);
      if (bound > previousBound) {
        forgetHours(station, previousBound, bound);
      }
    }
    forward(station, HourlyOutcome.of(HourBatch.tick(station, clock)), timestamp);
  }

  /** Emits the unemitted values of the station-hour starting at {@code hourStart} if it ended by {@code clock}. */
  private void closeHour(String station, long hourStart, long clock, long timestamp) {
    if (hourStart + BeijingTime.HOUR_MS > clock) {
      return;
    }
    String key = StateKeys.timed(station, hourStart);
    HourState open = hours.get(station, key);
    if (open == null) {
      return;
    }
    List<String> unemitted = open.byParameter().entrySet().stream()
        .filter(e -> e.getValue().revision() < 0).map(Map.Entry::getKey).toList();
    if (!unemitted.isEmpty()) {
      forward(station, HourlyOutcome.of(emit(station, hourStart, open, unemitted, clock)), timestamp);
      hours.put(station, key, open);
    }
  }

  /**
   * Hours starting before this are beyond the late bound at {@code clock}: each ended more than an
   * hour before the oldest observation time a reading may still have ({@code clock - lateBound}).
   */
  private long expiryBound(long clock) {
    return BeijingTime.hourStart(clock - lateBoundMs - BeijingTime.HOUR_MS);
  }

  /**
   * Deletes the station's hours starting in [{@code from}, {@code bound}): emitted, and beyond the
   * late bound nothing can change them. Older hours went at earlier calls. A span of up to a month
   * is deleted hour by hour, by key: a range scan's seek steps over the tombstones of the hours
   * deleted before, until compaction drops them. A longer span (a station silent for longer) is
   * scanned.
   */
  private void forgetHours(String station, long from, long bound) {
    if (bound <= 0) {
      return;
    }
    if (bound - from <= MAX_HOURS_DELETED_BY_KEY * BeijingTime.HOUR_MS) {
      for (long hour = from; hour < bound; hour += BeijingTime.HOUR_MS) {
        hours.delete(station, StateKeys.timed(station, hour));
      }
      return;
    }
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, HourState> it = hours.range(StateKeys.timed(station, Math.max(0, from)),
        StateKeys.timed(station, bound - 1))) {
      it.forEachRemaining(kv -> expired.add(kv.key));
    }
    expired.forEach(key -> hours.delete(station, key));
  }

  private void closeEverything(long timestamp) {
    List<KeyValue<String, StationClock>> stationClocks = new ArrayList<>();
    try (KeyValueIterator<String, StationClock> it = clocks.all()) {
      it.forEachRemaining(stationClocks::add);
    }
    stationClocks.forEach(kv -> closeHours(kv.key, kv.value.eventTime(), Long.MAX_VALUE, timestamp));
  }

  private void closeSilentStations(long now) {
    List<KeyValue<String, StationClock>> silent = new ArrayList<>();
    try (KeyValueIterator<String, StationClock> it = clocks.all()) {
      it.forEachRemaining(kv -> {
        if (now - kv.value.lastArrivalWall() >= silenceMs && now > kv.value.eventTime()) {
          silent.add(kv);
        }
      });
    }
    for (KeyValue<String, StationClock> kv : silent) {
      // Nothing arrives, so the station's time is taken to be the wall clock's.
      clocks.put(kv.key, new StationClock(now, kv.value.lastArrivalWall()));
      closeHours(kv.key, kv.value.eventTime(), now, now);
    }
  }

  /** Builds the station-hour's batch, advancing the revision of the {@code changed} parameters. */
  private HourBatch emit(String station, long hourStart, HourState state, List<String> changed, long clock) {
    changed.forEach(parameter -> state.accumulator(parameter).nextRevision());
    HourState.Accumulator pm25 = state.byParameter().get(Parameter.PM2_5.code());
    HourState.Accumulator pm10 = state.byParameter().get(Parameter.PM10.code());
    boolean pm25AbovePm10 = pm25 != null && pm10 != null && QualityControl.pm25ExceedsPm10(
        HourlyMean.of(Parameter.PM2_5.code(), pm25), HourlyMean.of(Parameter.PM10.code(), pm10));
    String district = stations.find(station).map(Station::getDistrict).orElse("");
    List<HourlyValue> all = new ArrayList<>();
    List<HourlyValue> emitted = new ArrayList<>();
    state.byParameter().forEach((parameter, accumulator) -> {
      boolean pmPair = parameter.equals(Parameter.PM2_5.code()) || parameter.equals(Parameter.PM10.code());
      HourlyValue value = hourlyValue(station, district, hourStart, parameter, accumulator,
          pm25AbovePm10 && pmPair);
      all.add(value);
      if (changed.contains(parameter)) {
        emitted.add(value);
      }
    });
    return new HourBatch(station, clock, all, emitted);
  }

  private HourlyValue hourlyValue(String station, String district, long hourStart, String parameter,
                                  HourState.Accumulator accumulator, boolean pm25AbovePm10) {
    List<String> flags = new ArrayList<>(accumulator.flags());
    if (pm25AbovePm10) {
      flags.add(QcFlag.PM25_GT_PM10.name());
    }
    Double mean = HourlyMean.of(parameter, accumulator);
    Parameter known = Parameter.fromCode(parameter).orElseThrow();
    boolean valid = mean != null && statistics.hourlyMeanValid(BeijingTime.date(hourStart), accumulator.minutes());
    return HourlyValue.newBuilder()
        .setStationId(station)
        .setDistrict(district)
        .setMedium(Medium.valueOf(known.medium()))
        .setParameter(parameter)
        .setHourStart(Instant.ofEpochMilli(hourStart))
        .setValue(mean)
        .setUnit(known.unit())
        .setSamples(accumulator.count())
        .setSampleMinutes(accumulator.minutes())
        .setValid(valid)
        .setQcFlags(flags)
        .setRevision(accumulator.revision())
        .build();
  }

  private void forward(String station, HourlyOutcome outcome, long timestamp) {
    context.forward(new Record<>(station, outcome, timestamp));
  }
}
