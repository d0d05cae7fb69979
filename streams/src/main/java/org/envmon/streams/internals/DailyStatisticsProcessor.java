package org.envmon.streams.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;

/**
 * Natural-day statistics per station. Hourly means are filed into their Beijing day; a day
 * closes when the station's clock passes the day's end plus the grace plus the station's own
 * offset from {@link DayCloseSpread} (or at end of input, or when the hourly stage advanced a
 * silent station's clock) and is emitted with revision 0, with whatever hours it has. A changed
 * hour of a closed day re-emits the day with the next revision.
 * At end of input each air station's last days are followed by its {@link DayBatch#endMarker}.
 */
public final class DailyStatisticsProcessor implements Processor<String, HourBatch, String, DayBatch> {
  public static final String NAME = "air-daily-statistics";
  /** Per station-day: the hourly means of each parameter. */
  public static final String STORE = "air-days";

  /** Longer spans (a station silent for months) are read by one range scan. */
  private static final int MAX_DAYS_READ_BY_KEY = 62;
  private final DailyAirAggregates aggregates;
  private final long graceMs;
  private final DayCloseSpread spread;
  private final long lateBoundMs;
  private ProcessorContext<String, DayBatch> context;
  private KeyValueStore<String, DayState> days;
  private StationsStore stations;
  /**
   * Per station: how far its days were closed and forgotten by the last batch (see
   * {@link #closeDays}). Not stored: a station missing here (after a restart, a rebalance or a
   * task revived with its stores rebuilt, each of which runs {@link #init}) has all its days read once.
   */
  private Map<String, DayBounds> bounds;

  /** Day starts below which a station's days were all emitted, and all deleted. */
  private record DayBounds(long closedBefore, long expiredBefore) {}

  public DailyStatisticsProcessor(DailyAirAggregates aggregates, Duration grace, DayCloseSpread spread,
                                  Duration lateBound) {
    this.aggregates = aggregates;
    this.graceMs = grace.toMillis();
    this.spread = spread;
    this.lateBoundMs = lateBound.toMillis();
  }

  public static StoreBuilder<KeyValueStore<String, DayState>> storeBuilder() {
    return StateStores.writeBehind(STORE, DayState.SERDE);
  }

  @Override
  public void init(ProcessorContext<String, DayBatch> context) {
    this.context = context;
    this.days = context.getStateStore(STORE);
    this.stations = StationsStore.of(context);
    this.bounds = new HashMap<>();
  }

  @Override
  public void process(Record<String, HourBatch> record) {
    HourBatch batch = record.value();
    // a batch's values share their day (one station-hour), so each touched day is read and written once
    Map<String, DayState> touchedDays = new LinkedHashMap<>();
    for (HourlyValue hour : batch.changed()) {
      if (!DailyAirAggregates.PARAMETERS.contains(hour.getParameter())) {
        continue;
      }
      long hourStart = hour.getHourStart().toEpochMilli();
      String key = StateKeys.timed(batch.stationId(), BeijingTime.dayStart(hourStart));
      DayState day = touchedDays.computeIfAbsent(key, k -> {
        DayState stored = days.get(k);
        return stored == null ? new DayState() : stored;
      });
      day.district(hour.getDistrict());
      day.set(hour.getParameter(), BeijingTime.hourOfDay(hourStart),
          hour.getValid() && hour.getValue() != null ? hour.getValue() : Double.NaN);
    }
    touchedDays.forEach((key, day) -> {
      if (day.revision() >= 0) {
        emit(batch.stationId(), key, day, record.timestamp()); // a closed day changed: next revision (emit stores it)
      } else {
        days.put(key, day);
      }
    });
    Set<String> touched = touchedDays.keySet();
    closeDays(batch.stationId(), batch.clock(), touched, record.timestamp());
    if (batch.clock() == Long.MAX_VALUE) {
      forwardEndMarker(batch.stationId(), record.timestamp());
    }
  }

  /** End of input: after an air station's last days, say so (plan progress closes its days on it). */
  private void forwardEndMarker(String station, long timestamp) {
    Optional<Station> registered = stations.find(station);
    if (registered.isEmpty() || registered.get().getMedium() == Medium.AIR) {
      String district = registered.map(Station::getDistrict).orElse("");
      context.forward(new Record<>(station, DayBatch.endMarker(station, district), timestamp));
    }
  }

  /**
   * Emits the station's unemitted days that closed by {@code clock} and forgets its days beyond
   * the late bound. After every batch each day starting before {@link #closedBefore} of its clock
   * has been emitted, so only days from the previous batch's bound on, and the days this batch
   * filed hours into, can still be unemitted: only those are read, and only when the bound moved
   * or hours were filed. Reading every retained day at each batch was 12 % of the replay's
   * stream thread.
   */
  private void closeDays(String station, long clock, Set<String> touched, long timestamp) {
    DayBounds previous = bounds.get(station);
    long from = previous == null ? Long.MIN_VALUE : previous.closedBefore();
    for (String key : touched) {
      from = Math.min(from, StateKeys.startOf(key));
    }
    long closedBefore = closedBefore(station, clock);
    if (from < closedBefore) {
      for (KeyValue<String, DayState> entry : daysBetween(station, from, closedBefore)) {
        if (entry.value.revision() < 0) {
          emit(station, entry.key, entry.value, timestamp);
        }
      }
    }
    long expiredBefore = previous == null ? Long.MIN_VALUE : previous.expiredBefore();
    if (clock != Long.MAX_VALUE) {
      // days that ended more than the late bound before the clock
      long nowExpiredBefore = BeijingTime.dayStart(clock - lateBoundMs - 1);
      if (nowExpiredBefore > expiredBefore) {
        forgetDays(station, expiredBefore, nowExpiredBefore);
        expiredBefore = nowExpiredBefore;
      }
    }
    bounds.put(station, new DayBounds(closedBefore, expiredBefore));
  }

  /**
   * The station's days starting before this have closed at {@code clock}: their end plus the grace
   * plus the station's offset is not after it.
   */
  private long closedBefore(String station, long clock) {
    return clock == Long.MAX_VALUE ? Long.MAX_VALUE : BeijingTime.dayStart(clock - graceMs - spread.offsetMs(station));
  }

  /**
   * Deletes the station's days starting in {@code [from, bound)}: emitted, and beyond the late
   * bound nothing can change them. Days before {@code from} were deleted by earlier batches.
   */
  private void forgetDays(String station, long from, long bound) {
    daysBetween(station, from, bound).forEach(kv -> days.delete(kv.key));
  }

  /**
   * The station's stored days starting in {@code [from, bound)}. A span of known days is read day
   * by day, by key: a range scan's seek steps over the tombstones of the days deleted before,
   * until compaction drops them (9 % of the replay's stream thread). An unknown start
   * (Long.MIN_VALUE, after a restart) or a long span is scanned.
   */
  private List<KeyValue<String, DayState>> daysBetween(String station, long from, long bound) {
    List<KeyValue<String, DayState>> found = new ArrayList<>();
    if (from != Long.MIN_VALUE && bound - from <= MAX_DAYS_READ_BY_KEY * BeijingTime.DAY_MS) {
      for (long day = from; day < bound; day += BeijingTime.DAY_MS) {
        String key = StateKeys.timed(station, day);
        DayState state = days.get(key);
        if (state != null) {
          found.add(KeyValue.pair(key, state));
        }
      }
      return found;
    }
    try (KeyValueIterator<String, DayState> it = days.range(keyFrom(station, from),
        StateKeys.timed(station, bound - 1))) {
      it.forEachRemaining(found::add);
    }
    return found;
  }

  /** The first key of the station's days from {@code dayStart} on (all of them for a start not after 1970). */
  private static String keyFrom(String station, long dayStart) {
    return dayStart <= 0 ? StateKeys.stationPrefix(station) : StateKeys.timed(station, dayStart);
  }

  private void emit(String station, String key, DayState day, long timestamp) {
    int revision = day.nextRevision();
    days.put(key, day);
    long dayStart = StateKeys.startOf(key);
    int airGrade = stations.find(station).map(Station::getAirGrade).orElse(2);
    context.forward(new Record<>(station, new DayBatch(station, dayStart, day.district(), revision,
        aggregates.of(station, dayStart, day, airGrade, revision)), timestamp));
  }
}
