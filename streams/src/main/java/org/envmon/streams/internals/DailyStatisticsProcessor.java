package org.envmon.streams.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;

/**
 * Natural-day statistics per station. Hourly means are filed into their Beijing day; a day
 * closes when the station's clock passes the day's end plus the grace (or at end of input, or
 * when the hourly stage advanced a silent station's clock) and is emitted with revision 0, with
 * whatever hours it has. A changed hour of a closed day re-emits the day with the next revision.
 * At end of input each air station's last days are followed by its {@link DayBatch#endMarker}.
 */
public final class DailyStatisticsProcessor implements Processor<String, HourBatch, String, DayBatch> {
  public static final String NAME = "air-daily-statistics";
  /** Per station-day: the hourly means of each parameter. */
  public static final String STORE = "air-days";

  private final DailyAirAggregates aggregates;
  private final long graceMs;
  private final long lateBoundMs;
  private ProcessorContext<String, DayBatch> context;
  private KeyValueStore<String, DayState> days;
  private StationsStore stations;

  public DailyStatisticsProcessor(DailyAirAggregates aggregates, Duration grace, Duration lateBound) {
    this.aggregates = aggregates;
    this.graceMs = grace.toMillis();
    this.lateBoundMs = lateBound.toMillis();
  }

  public static StoreBuilder<KeyValueStore<String, DayState>> storeBuilder() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), DayState.SERDE);
  }

  @Override
  public void init(ProcessorContext<String, DayBatch> context) {
    this.context = context;
    this.days = context.getStateStore(STORE);
    this.stations = StationsStore.of(context);
  }

  @Override
  public void process(Record<String, HourBatch> record) {
    HourBatch batch = record.value();
    Set<String> touched = new LinkedHashSet<>();
    for (HourlyValue hour : batch.changed()) {
      if (!DailyAirAggregates.PARAMETERS.contains(hour.getParameter())) {
        continue;
      }
      long hourStart = hour.getHourStart().toEpochMilli();
      String key = StateKeys.timed(batch.stationId(), BeijingTime.dayStart(hourStart));
      DayState day = days.get(key);
      if (day == null) {
        day = new DayState();
      }
      day.district(hour.getDistrict());
      day.set(hour.getParameter(), BeijingTime.hourOfDay(hourStart),
          hour.getValid() && hour.getValue() != null ? hour.getValue() : Double.NaN);
      days.put(key, day);
      touched.add(key);
    }
    for (String key : touched) {
      DayState day = days.get(key);
      if (day.revision() >= 0) {
        emit(batch.stationId(), key, day, record.timestamp()); // a closed day changed: next revision
      }
    }
    closeDays(batch.stationId(), batch.clock(), record.timestamp());
    if (batch.clock() == Long.MAX_VALUE && isAirOrUnknown(batch.stationId())) {
      // end of input: after the station's last days, say so (plan progress closes its days on it)
      String district = stations.find(batch.stationId()).map(Station::getDistrict).orElse("");
      context.forward(new Record<>(batch.stationId(), DayBatch.endMarker(batch.stationId(), district),
          record.timestamp()));
    }
  }

  private boolean isAirOrUnknown(String station) {
    return stations.find(station).map(s -> s.getMedium() == Medium.AIR).orElse(true);
  }

  private void closeDays(String station, long clock, long timestamp) {
    List<KeyValue<String, DayState>> entries = new ArrayList<>();
    try (KeyValueIterator<String, DayState> it = days.prefixScan(StateKeys.stationPrefix(station),
        new StringSerializer())) {
      it.forEachRemaining(entries::add);
    }
    for (KeyValue<String, DayState> entry : entries) {
      long dayEnd = StateKeys.startOf(entry.key) + BeijingTime.DAY_MS;
      if (entry.value.revision() < 0 && (clock == Long.MAX_VALUE || dayEnd + graceMs <= clock)) {
        emit(station, entry.key, entry.value, timestamp);
      }
      if (clock != Long.MAX_VALUE && dayEnd < clock - lateBoundMs) {
        days.delete(entry.key); // emitted, and beyond the late bound nothing can change it any more
      }
    }
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
