package org.envmon.streams.internals.health;

import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * Station health: hourly values (keyed station|parameter) are re-keyed by station through the
 * repartition topic {@value #REPARTITION}, so one task sees every parameter of a station.
 */
public final class HealthTopology {
  /** Name of the repartition topic (suffix; Kafka Streams prefixes the application id). */
  public static final String REPARTITION = "health-by-station";
  /** Per-station activity and open health episode. */
  public static final String STATE = "health-activity";

  private HealthTopology() {}

  /** Adds the station-health stage. */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    inputs.hourly()
        .selectKey((key, h) -> h.getStationId(), Named.as("health-key-by-station"))
        .repartition(Repartitioned.with(Topics.HOURLY.keySerde(), Topics.HOURLY.valueSerde()).withName(REPARTITION))
        .process(StationHealthProcessor.supplier(settings.health(), STATE), Named.as("health-check"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("health-alerts-sink"));
  }
}
