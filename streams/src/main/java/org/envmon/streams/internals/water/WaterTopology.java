package org.envmon.streams.internals.water;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.HourBatch;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * Surface water: valid samples of the core's station-keyed hour batches (a section's class needs
 * all its indicators in one task, in order) classified per evaluation period into WATER_CLASS
 * aggregates, and the section class compared with the target class. A period is classified when
 * the first sample of a later period arrives or a clock tick of the station passes its end (the
 * end-of-input tick passes every end).
 */
public final class WaterTopology {
  /** Open evaluation period per section. */
  public static final String PERIOD_STATE = "water-open-period";
  /** Target-class alert state per section. */
  public static final String TARGET_STATE = "water-target-state";

  private WaterTopology() {}

  /** Adds the water stage to the station-keyed hour batches; returns its class aggregates, for the alerts stage. */
  public static KStream<String, Aggregate> addTo(KStream<String, HourBatch> batches, EvaluationSettings settings) {
    KStream<String, Aggregate> classes = batches
        .process(WaterPeriodProcessor.supplier(settings.catalog(), settings.water(), PERIOD_STATE),
            Named.as("water-classify"));
    classes.to(Topics.AGGREGATES.name(), Produced.with(Topics.AGGREGATES.keySerde(), Topics.AGGREGATES.valueSerde())
        .withName("water-aggregates-sink"));
    classes
        .process(WaterTargetProcessor.supplier(settings.alerts(), TARGET_STATE), Named.as("water-target-check"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("water-alerts-sink"));
    return classes;
  }
}
