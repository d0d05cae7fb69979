package org.envmon.streams.internals.noise;

import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.Medium;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * Noise: valid hourly LEQ / LA / LMAX values -> LEQ_DAY, LEQ_NIGHT, LMAX_NIGHT aggregates on
 * {@link Topics#AGGREGATES}. The alerts stage judges them against the station's GB 3096 zone.
 */
public final class NoiseTopology {
  /** Open day/night period per (station, parameter). */
  public static final String STATE = "noise-open-period";

  private NoiseTopology() {}

  /** Adds the noise stage. */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    inputs.hourly()
        .filter((key, h) -> h != null && h.getMedium() == Medium.NOISE && h.getValid() && h.getValue() != null
            && NoiseStatistics.used(h.getParameter()), Named.as("noise-levels"))
        .process(NoisePeriodProcessor.supplier(settings.noise(), STATE), Named.as("noise-periods"))
        .to(Topics.AGGREGATES.name(), Produced.with(Topics.AGGREGATES.keySerde(), Topics.AGGREGATES.valueSerde())
            .withName("noise-aggregates-sink"));
  }
}
