package org.envmon.streams.internals.water;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateStores;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.water.WaterClassifier;
import org.envmon.streams.internals.BeijingTime;
import org.envmon.streams.internals.HourBatch;
import org.envmon.streams.internals.StationsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a section's valid samples (the core's hour batches, keyed by station) into its open
 * evaluation period and, when the first sample of a later period arrives or a clock tick of the
 * station passes the period's end, classifies the period into WATER_CLASS aggregates (per
 * indicator and SECTION). A late or revised sample of a classified period (the newest or the
 * previous one) re-classifies it with revision + 1.
 */
public final class WaterPeriodProcessor implements Processor<String, HourBatch, String, Aggregate> {
  private static final Logger LOG = LoggerFactory.getLogger(WaterPeriodProcessor.class);

  private final WaterPolicy policy;
  private final WaterEvaluation evaluation;
  private final String storeName;
  private ProcessorContext<String, Aggregate> context;
  private KeyValueStore<String, WaterPeriods> store;
  private StationsStore stations;

  private WaterPeriodProcessor(Catalog catalog, WaterPolicy policy, String storeName) {
    this.policy = policy;
    this.evaluation = new WaterEvaluation(new WaterClassifier(catalog), policy.periodDays());
    this.storeName = storeName;
  }

  /** A supplier keeping each section's open period in {@code storeName}. */
  public static ProcessorSupplier<String, HourBatch, String, Aggregate> supplier(Catalog catalog, WaterPolicy policy,
                                                                                  String storeName) {
    StoreBuilder<KeyValueStore<String, WaterPeriods>> store = StateStores.writeBehind(storeName, WaterPeriodsSerde.serde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, HourBatch, String, Aggregate> get() {
        return new WaterPeriodProcessor(catalog, policy, storeName);
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
      closeEndedPeriod(batch.stationId(), batch.clock(), record.timestamp());
      return;
    }
    for (HourlyValue h : batch.changed()) {
      if (h.getMedium() == Medium.WATER && h.getValid() && h.getValue() != null) {
        onSample(h, record.timestamp());
      }
    }
  }

  private void onSample(HourlyValue h, long timestamp) {
    long sampleTime = h.getHourStart().toEpochMilli();
    long index = WaterPeriodSamples.periodIndex(BeijingTime.date(sampleTime), policy.periodDays());
    WaterPeriods state = store.get(h.getStationId());
    WaterPeriodSamples current = state == null ? null : state.current();
    WaterPeriodSamples previous = state == null ? null : state.previous();
    if (current == null || index > current.periodIndex()) {
      if (current != null && current.emissions() == 0) {
        current = classify(h.getStationId(), current, timestamp);
      }
      previous = current;
      current = WaterPeriodSamples.open(index, h.getDistrict());
    }
    if (index == current.periodIndex()) {
      WaterPeriodSamples updated = current.with(h.getParameter(), sampleTime, h.getValue());
      boolean revised = current.emissions() > 0 && !updated.equals(current);
      current = revised ? classify(h.getStationId(), updated, timestamp) : updated; // classified by a tick already
    } else if (previous != null && index == previous.periodIndex()) {
      WaterPeriodSamples updated = previous.with(h.getParameter(), sampleTime, h.getValue());
      if (!updated.equals(previous)) {
        previous = classify(h.getStationId(), updated, timestamp); // late or revised: a new revision
      }
    } else {
      LOG.warn("water sample {} of {} at {} is older than the last two evaluation periods kept; not included",
          h.getParameter(), h.getStationId(), h.getHourStart());
      return;
    }
    store.put(h.getStationId(), new WaterPeriods(current, previous));
  }

  /** Classifies the station's open period if the station's clock passed its end: all its samples are in. */
  private void closeEndedPeriod(String stationId, long clock, long timestamp) {
    Optional<Station> station = stations.find(stationId);
    if (station.isEmpty() || station.get().getMedium() != Medium.WATER || station.get().getWaterBodyType() == null) {
      return; // not a water section envmon can classify (classify() says why when samples arrive)
    }
    WaterPeriods state = store.get(stationId);
    WaterPeriodSamples current = state == null ? null : state.current();
    if (current == null || current.emissions() > 0) {
      return;
    }
    LocalDate end = current.firstDay(policy.periodDays()).plusDays(policy.periodDays());
    if (BeijingTime.startOf(end) <= clock) {
      store.put(stationId, new WaterPeriods(classify(stationId, current, timestamp), state.previous()));
    }
  }

  /** Classifies and emits a period; returns it with the emission counted. */
  private WaterPeriodSamples classify(String stationId, WaterPeriodSamples samples, long timestamp) {
    Optional<Station> station = stations.find(stationId);
    if (station.isEmpty() || station.get().getWaterBodyType() == null) {
      LOG.warn("cannot classify water section '{}': it is not in the registry or has no waterBodyType "
          + "(RIVER or LAKE); register it with its body type and target class", stationId);
      return samples;
    }
    try {
      for (Aggregate a : evaluation.evaluate(stationId, station.get().getWaterBodyType(), samples).aggregates()) {
        context.forward(new Record<>(stationId + "|" + a.getParameter() + "|" + a.getStatistic(), a, timestamp));
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("cannot classify water section '{}' for the period from {}: {}", stationId,
          samples.firstDay(policy.periodDays()), e.getMessage());
      return samples;
    }
    return samples.emitted();
  }
}
