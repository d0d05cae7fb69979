package org.envmon.streams.status;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateStores;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationInputs;

/**
 * The queryable stores behind the status API. Each is changelogged and keyed exactly like the
 * topic its records go to; the latest hourly values and AQI (a record per series or station) are
 * held in memory, open alerts and plan progress in RocksDB. The latest hourly values and AQI are
 * kept in the readings' task, from the core's own streams, so they are partitioned by station
 * ({@link StationKeyPartitioner}); open alerts and plan progress are fed from their topics and
 * partitioned by key. {@link StatusView#byStation} tells {@link LocalStatusStores} which.
 */
public final class StatusStores {
  /** Latest hourly value per {@code station|parameter} (key of {@link Topics#HOURLY}). */
  public static final String LATEST_HOURLY = "status-latest-hourly";
  /** Latest hourly and daily AQI per {@code station|HOUR} and {@code station|DAY} (key of {@link Topics#AQI}). */
  public static final String LATEST_AQI = "status-latest-aqi";
  /** Alerts whose episode is OPEN or ESCALATED, per alert id (key of {@link Topics#ALERTS}). */
  public static final String OPEN_ALERTS = "status-open-alerts";
  /** Latest plan progress per {@code scope|target|year} (key of {@link Topics#PLAN_PROGRESS}). */
  public static final String PLAN_PROGRESS = "status-plan-progress";
  /** Source node of {@link Topics#ALERTS}; nothing else in the topology reads that topic. */
  public static final String ALERTS_SOURCE = "status-alerts-source";
  /** Source node of {@link Topics#PLAN_PROGRESS}; nothing else in the topology reads that topic. */
  public static final String PLAN_PROGRESS_SOURCE = "status-plan-progress-source";

  private StatusStores() {}

  /**
   * Materialises the status stores: hourly values and AQI on the streams the evaluation stage
   * reads (the core's, in envmon's topology), alerts and plan progress from their own sources.
   */
  public static void addTo(StreamsBuilder builder, EvaluationInputs inputs) {
    builder.addStateStore(StateStores.inMemoryUncached(LATEST_HOURLY, Topics.HOURLY.valueSerde()));
    inputs.hourly().process(LatestRecordProcessor.supplier(LATEST_HOURLY, Freshness.HOURLY),
        Named.as("status-latest-hourly-update"), LATEST_HOURLY);

    builder.addStateStore(StateStores.inMemoryUncached(LATEST_AQI, Topics.AQI.valueSerde()));
    inputs.aqi().process(LatestRecordProcessor.supplier(LATEST_AQI, Freshness.AQI),
        Named.as("status-latest-aqi-update"), LATEST_AQI);

    builder.addStateStore(store(OPEN_ALERTS, Topics.ALERTS));
    builder.stream(Topics.ALERTS.name(), consumed(Topics.ALERTS, ALERTS_SOURCE))
        .process(OpenAlertsProcessor.supplier(OPEN_ALERTS), Named.as("status-open-alerts-update"), OPEN_ALERTS);

    builder.addStateStore(store(PLAN_PROGRESS, Topics.PLAN_PROGRESS));
    builder.stream(Topics.PLAN_PROGRESS.name(), consumed(Topics.PLAN_PROGRESS, PLAN_PROGRESS_SOURCE))
        .process(LatestRecordProcessor.supplier(PLAN_PROGRESS, Freshness.PLAN),
            Named.as("status-plan-progress-update"), PLAN_PROGRESS);
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Topic<String, V> topic) {
    return StateStores.persistent(name, topic.valueSerde());
  }

  private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
    return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
