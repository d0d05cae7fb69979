package org.envmon.streams.internals.water;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Medium;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * Surface water: valid samples re-keyed by station through {@value #REPARTITION} (a section's
 * class needs all its indicators in one task), classified per evaluation period into
 * WATER_CLASS aggregates, and the section class compared with the target class.
 */
public final class WaterTopology {
  /** Repartition topic name (suffix). */
  public static final String REPARTITION = "water-by-station";
  /** Open evaluation period per section. */
  public static final String PERIOD_STATE = "water-open-period";
  /** Target-class alert state per section. */
  public static final String TARGET_STATE = "water-target-state";

  private WaterTopology() {}

  /** Adds the water stage. */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    KStream<String, Aggregate> classes = inputs.hourly()
        .filter((key, h) -> h != null && h.getMedium() == Medium.WATER && h.getValid() && h.getValue() != null,
            Named.as("water-valid-samples"))
        .selectKey((key, h) -> h.getStationId(), Named.as("water-key-by-station"))
        .repartition(Repartitioned.with(Topics.HOURLY.keySerde(), Topics.HOURLY.valueSerde()).withName(REPARTITION))
        .process(WaterPeriodProcessor.supplier(settings.catalog(), settings.water(), PERIOD_STATE),
            Named.as("water-classify"));
    classes.to(Topics.AGGREGATES.name(), Produced.with(Topics.AGGREGATES.keySerde(), Topics.AGGREGATES.valueSerde())
        .withName("water-aggregates-sink"));
    classes
        .process(WaterTargetProcessor.supplier(settings.alerts(), TARGET_STATE), Named.as("water-target-check"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("water-alerts-sink"));
  }
}
