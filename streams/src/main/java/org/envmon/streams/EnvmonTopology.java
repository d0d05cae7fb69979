package org.envmon.streams;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.CoreTopology;
import org.envmon.streams.internals.StationsStore;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.envmon.streams.internals.alerts.EvaluationTopology;
import org.envmon.streams.status.StatusStores;

/**
 * The envmon Kafka Streams topology. A pure function of the settings, so the application and
 * the tests build the very same graph. Every processor, store and sink is named, so internal
 * topic names (changelogs) stay stable across releases.
 */
public final class EnvmonTopology {
  /** Name of the source node reading {@link Topics#READINGS}. */
  public static final String READINGS_SOURCE = "readings-source";

  private EnvmonTopology() {}

  public static Topology build(StreamsSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    StationsStore.addTo(builder);
    // One source for the readings topic: every medium's sub-topology hangs off this stream.
    KStream<String, Reading> readings = builder.stream(Topics.READINGS.name(),
        Consumed.with(Topics.READINGS.keySerde(), Topics.READINGS.valueSerde()).withName(READINGS_SOURCE));
    // The evaluation stages and the status stores take what the core writes to envmon.hourly,
    // .aggregates and .aqi straight from its streams, in the readings' task.
    EvaluationInputs evaluationInputs = CoreTopology.addTo(builder, readings, settings);
    EvaluationTopology.addTo(evaluationInputs, settings.evaluation());
    StatusStores.addTo(builder, evaluationInputs);
    return builder.build();
  }
}
