package org.envmon.streams.internals.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateStores;
import org.envmon.schemas.Alert;
import org.envmon.schemas.HourlyValue;
import org.envmon.streams.internals.alerts.AlertRecords;
import org.envmon.streams.internals.alerts.AlertSubject;
import org.envmon.streams.internals.alerts.JudgedRule;
import org.envmon.streams.internals.alerts.Severity;
import org.envmon.streams.internals.alerts.Transition;

/**
 * Station health per station (input keyed by station id): every hourly value with samples marks
 * its hour as delivered; a wall-clock punctuator finds silent stations. Transitions go out as
 * STATION_HEALTH alerts.
 */
public final class StationHealthProcessor implements Processor<String, HourlyValue, String, Alert> {
  /** Id of the station-health rule (envmon policy, not a standard). */
  public static final String RULE_ID = "envmon.station-health";
  private static final String RULE_SOURCE = "envmon station-health policy (cadence and silence)";

  private final StationHealth health;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, StationActivity> store;
  private long watchingSince;

  private StationHealthProcessor(HealthPolicy policy, String storeName) {
    this.health = new StationHealth(policy);
    this.storeName = storeName;
  }

  /** A supplier keeping per-station activity in {@code storeName}. */
  public static ProcessorSupplier<String, HourlyValue, String, Alert> supplier(HealthPolicy policy, String storeName) {
    StoreBuilder<KeyValueStore<String, StationActivity>> store =
        StateStores.writeBehindInMemory(storeName, StationActivitySerde.serde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, HourlyValue, String, Alert> get() {
        return new StationHealthProcessor(policy, storeName);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.watchingSince = context.currentSystemTimeMs();
    context.schedule(health.policy().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::findSilentStations);
  }

  @Override
  public void process(Record<String, HourlyValue> record) {
    HourlyValue h = record.value();
    if (h == null || h.getSamples() <= 0) {
      return; // an hour closed without samples is no delivery
    }
    StationHealth.Outcome outcome = health.onReading(store.get(h.getStationId()), h.getHourStart().toEpochMilli(),
        context.currentSystemTimeMs(), h.getDistrict(), h.getMedium());
    store.put(h.getStationId(), outcome.activity());
    outcome.change().ifPresent(c -> forward(h.getStationId(), outcome.activity(), c, record.timestamp()));
  }

  private void findSilentStations(long wallNow) {
    List<KeyValue<String, StationActivity>> all = new ArrayList<>();
    try (KeyValueIterator<String, StationActivity> it = store.all()) {
      it.forEachRemaining(all::add);
    }
    for (KeyValue<String, StationActivity> kv : all) {
      StationHealth.Outcome outcome = health.onTick(kv.value, wallNow, watchingSince);
      if (outcome.change().isPresent()) {
        store.put(kv.key, outcome.activity());
        forward(kv.key, outcome.activity(), outcome.change().get(), wallNow);
      }
    }
  }

  private void forward(String stationId, StationActivity a, HealthChange c, long timestamp) {
    Transition t = new Transition(c.state(), Severity.WARNING, c.episodeStart(), c.at(), c.coverage(),
        health.policy().minCoverage());
    AlertSubject subject = new AlertSubject(stationId, a.district(), a.medium());
    JudgedRule rule = new JudgedRule(RULE_ID, RULE_SOURCE, "ALL", "STATION_HEALTH", "", "", false);
    Alert alert = AlertRecords.of(subject, rule, t, "Data delivery: " + c.reason() + ".");
    context.forward(new Record<>(alert.getAlertId(), alert, timestamp));
  }
}
