package org.envmon.streams.internals.noise;

import java.time.LocalDateTime;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.HourlyValue;
import org.envmon.standards.noise.NoisePeriodKey;
import org.envmon.streams.internals.BeijingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the hourly levels of one (station, noise parameter) into its open day or night period
 * and emits the period's statistics when the period is complete or the first hour of a later
 * period arrives. A revised or late hour of the newest or the previous period re-emits that
 * period with revision + 1. Input: valid hourly LEQ / LA / LMAX values, keyed station|parameter.
 */
public final class NoisePeriodProcessor implements Processor<String, HourlyValue, String, Aggregate> {
  private static final Logger LOG = LoggerFactory.getLogger(NoisePeriodProcessor.class);

  private final NoiseStatistics statistics;
  private final String storeName;
  private ProcessorContext<String, Aggregate> context;
  private KeyValueStore<String, NoisePeriods> store;

  private NoisePeriodProcessor(NoisePolicy policy, String storeName) {
    this.statistics = new NoiseStatistics(policy);
    this.storeName = storeName;
  }

  /** A supplier keeping the open period per key in {@code storeName}. */
  public static ProcessorSupplier<String, HourlyValue, String, Aggregate> supplier(NoisePolicy policy,
                                                                                  String storeName) {
    StoreBuilder<KeyValueStore<String, NoisePeriods>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(storeName), Serdes.String(), NoisePeriodsSerde.serde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, HourlyValue, String, Aggregate> get() {
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
  }

  @Override
  public void process(Record<String, HourlyValue> record) {
    HourlyValue h = record.value();
    String key = h.getStationId() + "|" + h.getParameter();
    LocalDateTime hour = LocalDateTime.ofInstant(h.getHourStart(), BeijingTime.OFFSET);
    NoisePeriodKey period = NoisePeriodKey.of(hour);
    NoisePeriods state = store.get(key);
    NoisePeriodLevels current = state == null ? null : state.current();
    NoisePeriodLevels previous = state == null ? null : state.previous();
    if (current == null || period.start().isAfter(current.key().start())) {
      if (current != null && !current.wasEmitted()) {
        current = emit(h, current, record.timestamp());
      }
      previous = current;
      current = NoisePeriodLevels.open(period);
    }
    if (period.equals(current.key())) {
      NoisePeriodLevels updated = current.with(hour, h.getValue());
      boolean revised = current.wasEmitted() && !updated.equals(current);
      current = updated.complete() && !current.wasEmitted() || revised
          ? emit(h, updated, record.timestamp()) : updated;
    } else if (previous != null && period.equals(previous.key())) {
      NoisePeriodLevels updated = previous.with(hour, h.getValue());
      if (!updated.equals(previous)) {
        previous = emit(h, updated, record.timestamp()); // a late or revised hour: a new revision
      }
    } else {
      LOG.warn("noise level of {} for {} is older than the last two periods kept; it is not in any Leq", key, hour);
      return;
    }
    store.put(key, new NoisePeriods(current, previous));
  }

  /** Emits the period's statistics and returns it with the emission counted. */
  private NoisePeriodLevels emit(HourlyValue h, NoisePeriodLevels period, long timestamp) {
    for (Aggregate a : statistics.of(h.getStationId(), h.getDistrict(), h.getParameter(), period)) {
      String key = a.getStationId() + "|" + a.getParameter() + "|" + a.getStatistic();
      context.forward(new Record<>(key, a, timestamp));
    }
    return period.emitted();
  }
}
