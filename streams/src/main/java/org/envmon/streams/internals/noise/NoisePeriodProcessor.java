package org.envmon.streams.internals.noise;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.standards.BeijingZone;
import org.envmon.streams.internals.StateStores;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.standards.noise.NoisePeriodKey;
import org.envmon.streams.internals.HourBatch;
import org.envmon.streams.internals.StationsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the hourly levels of one (station, noise parameter) into its open day or night period
 * and emits the period's statistics when the period is complete, when the first hour of a later
 * period arrives, or when a clock tick of the station passes the period's end (the end-of-input
 * tick passes every end). A revised or late hour of the newest or the previous period re-emits
 * that period with revision + 1. Input: the core's hour batches, keyed by station; state is kept
 * per station|parameter.
 */
public final class NoisePeriodProcessor implements Processor<String, HourBatch, String, Aggregate> {
  private static final Logger LOG = LoggerFactory.getLogger(NoisePeriodProcessor.class);

  private final NoiseStatistics statistics;
  private final String storeName;
  private ProcessorContext<String, Aggregate> context;
  private KeyValueStore<String, NoisePeriods> store;
  private StationsStore stations;

  private NoisePeriodProcessor(NoisePolicy policy, String storeName) {
    this.statistics = new NoiseStatistics(policy);
    this.storeName = storeName;
  }

  /** A supplier keeping the open period per station|parameter in {@code storeName}. */
  public static ProcessorSupplier<String, HourBatch, String, Aggregate> supplier(NoisePolicy policy,
                                                                                String storeName) {
    StoreBuilder<KeyValueStore<String, NoisePeriods>> store = StateStores.writeBehind(storeName, NoisePeriodsSerde.serde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, HourBatch, String, Aggregate> get() {
        return new NoisePeriodProcessor(policy, storeName);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Aggregate> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.stations = StationsStore.of(context);
  }

  @Override
  public void process(Record<String, HourBatch> record) {
    HourBatch batch = record.value();
    if (batch.all().isEmpty()) {
      closeEndedPeriods(batch.stationId(), batch.clock(), record.timestamp());
      return;
    }
    for (HourlyValue h : batch.changed()) {
      if (h.getMedium() == Medium.NOISE && h.getValid() && h.getValue() != null
          && NoiseStatistics.used(h.getParameter())) {
        onLevel(h, record.timestamp());
      }
    }
  }

  private void onLevel(HourlyValue h, long timestamp) {
    String key = key(h.getStationId(), h.getParameter());
    LocalDateTime hour = LocalDateTime.ofInstant(h.getHourStart(), BeijingZone.OFFSET);
    NoisePeriodKey period = NoisePeriodKey.of(hour);
    NoisePeriods state = store.get(key);
    NoisePeriodLevels current = state == null ? null : state.current();
    NoisePeriodLevels previous = state == null ? null : state.previous();
    if (current == null || period.start().isAfter(current.key().start())) {
      if (current != null && !current.wasEmitted()) {
        current = emit(h.getStationId(), h.getDistrict(), h.getParameter(), current, timestamp);
      }
      previous = current;
      current = NoisePeriodLevels.open(period);
    }
    if (period.equals(current.key())) {
      NoisePeriodLevels updated = current.with(hour, h.getValue());
      boolean revised = current.wasEmitted() && !updated.equals(current);
      current = updated.complete() && !current.wasEmitted() || revised
          ? emit(h.getStationId(), h.getDistrict(), h.getParameter(), updated, timestamp) : updated;
    } else if (previous != null && period.equals(previous.key())) {
      NoisePeriodLevels updated = previous.with(hour, h.getValue());
      if (!updated.equals(previous)) {
        // a late or revised hour: a new revision
        previous = emit(h.getStationId(), h.getDistrict(), h.getParameter(), updated, timestamp);
      }
    } else {
      LOG.warn("noise level of {} for {} is older than the last two periods kept; it is not in any Leq", key, hour);
      return;
    }
    store.put(key, new NoisePeriods(current, previous));
  }

  /** Emits the station's open periods that ended by {@code clock}: their hours are all closed. */
  private void closeEndedPeriods(String stationId, long clock, long timestamp) {
    Optional<Station> station = stations.find(stationId);
    if (station.isPresent() && station.get().getMedium() != Medium.NOISE) {
      return;
    }
    String district = station.map(Station::getDistrict).orElse("");
    for (String parameter : NoiseStatistics.PARAMETERS) {
      String key = key(stationId, parameter);
      NoisePeriods state = store.get(key);
      NoisePeriodLevels current = state == null ? null : state.current();
      if (current == null || current.wasEmitted()
          || current.key().end().toInstant(BeijingZone.OFFSET).toEpochMilli() > clock) {
        continue;
      }
      store.put(key, new NoisePeriods(emit(stationId, district, parameter, current, timestamp), state.previous()));
    }
  }

  private static String key(String stationId, String parameter) {
    return stationId + "|" + parameter;
  }

  /** Emits the period's statistics and returns it with the emission counted. */
  private NoisePeriodLevels emit(String stationId, String district, String parameter, NoisePeriodLevels period,
                                 long timestamp) {
    for (Aggregate a : statistics.of(stationId, district, parameter, period)) {
      String key = a.getStationId() + "|" + a.getParameter() + "|" + a.getStatistic();
      context.forward(new Record<>(key, a, timestamp));
    }
    return period.emitted();
  }
}
