package org.envmon.streams.internals.alerts;

import org.apache.kafka.streams.StreamsBuilder;
import org.envmon.streams.internals.health.HealthTopology;
import org.envmon.streams.internals.noise.NoiseTopology;
import org.envmon.streams.internals.plan.PlanTopology;
import org.envmon.streams.internals.voc.VocTopology;
import org.envmon.streams.internals.water.WaterTopology;

/**
 * Every evaluation stage on top of the aggregates the air core writes: standards alerts, noise
 * periods, water classes, VOCs hot spots, station health and plan progress. The builder must
 * already hold {@link org.envmon.streams.internals.StationsStore}.
 */
public final class EvaluationTopology {
  private EvaluationTopology() {}

  /** Subscribes the evaluation inputs and adds every stage. */
  public static void addTo(StreamsBuilder builder, EvaluationSettings settings) {
    addTo(EvaluationInputs.subscribe(builder), settings);
  }

  /** Adds every stage on inputs the caller already has. */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    AlertsTopology.addTo(inputs, settings);
    NoiseTopology.addTo(inputs, settings);
    WaterTopology.addTo(inputs, settings);
    VocTopology.addTo(inputs, settings);
    HealthTopology.addTo(inputs, settings);
    PlanTopology.addTo(inputs, settings);
  }
}
