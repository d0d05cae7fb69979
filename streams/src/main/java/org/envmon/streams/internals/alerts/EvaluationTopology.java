package org.envmon.streams.internals.alerts;

import org.envmon.streams.internals.voc.VocTopology;

/**
 * The evaluation stages on what the core writes ({@link EvaluationInputs}): standards alerts on
 * every aggregate and daily AQI, and VOCs hot spots. (1-hour rules, station health, noise and
 * water periods and plan progress need a station's own data in order, with its clock, so
 * {@link org.envmon.streams.internals.CoreTopology} runs them on its station-keyed hour and day
 * batches.) The builder must already hold {@link org.envmon.streams.internals.StationsStore}.
 */
public final class EvaluationTopology {
  private EvaluationTopology() {}

  /** Adds every stage on {@code inputs} (the core's streams, or the topics in tests). */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    AlertsTopology.addTo(inputs, settings);
    VocTopology.addTo(inputs, settings);
  }
}
