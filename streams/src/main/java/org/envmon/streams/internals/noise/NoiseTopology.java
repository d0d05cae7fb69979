package org.envmon.streams.internals.noise;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.HourBatch;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * Noise: valid hourly LEQ / LA / LMAX values -> LEQ_DAY, LEQ_NIGHT, LMAX_NIGHT aggregates on
 * {@link Topics#AGGREGATES}. Runs on the core's station-keyed hour batches, whose clock ticks
 * close a period once the station's time has passed its end (end of input and silent stations
 * included). The alerts stage judges the aggregates against the station's GB 3096 zone.
 */
public final class NoiseTopology {
  /** Open day/night period per (station, parameter). */
  public static final String STATE = "noise-open-period";

  private NoiseTopology() {}

  /** Adds the noise stage to the station-keyed hour batches; returns its aggregates, for the alerts stage. */
  public static KStream<String, Aggregate> addTo(KStream<String, HourBatch> batches, EvaluationSettings settings) {
    KStream<String, Aggregate> periods = batches.process(NoisePeriodProcessor.supplier(settings.noise(), STATE),
        Named.as("noise-periods"));
    periods.to(Topics.AGGREGATES.name(), Produced.with(Topics.AGGREGATES.keySerde(), Topics.AGGREGATES.valueSerde())
        .withName("noise-aggregates-sink"));
    return periods;
  }
}
