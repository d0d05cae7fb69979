package org.envmon.ingest.kafkajson;

import java.time.Clock;
import org.apache.kafka.streams.Topology;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.schemas.topics.Topics;

/** {@code envmon.readings.raw} (JSON) → validation → {@code envmon.readings} (Avro) and the DLQ. */
public final class RawReadingTopology {
  static final String SOURCE = "kafka-json";
  static final String READINGS_SINK = "readings";
  static final String DLQ_SINK = "dead-letters";
  private static final String SOURCE_NODE = "raw-readings";
  private static final String PROCESSOR = "validate";

  private RawReadingTopology() {}

  public static Topology build(ReadingValidator validator, IngestCounters counters, Clock clock) {
    Topology topology = new Topology();
    topology.addSource(SOURCE_NODE, Topics.READINGS_RAW.keySerde().deserializer(),
        Topics.READINGS_RAW.valueSerde().deserializer(), Topics.READINGS_RAW.name());
    topology.addProcessor(PROCESSOR, () -> new RawReadingProcessor(validator, counters, clock), SOURCE_NODE);
    topology.addSink(READINGS_SINK, Topics.READINGS.name(), Topics.READINGS.keySerde().serializer(),
        Topics.READINGS.valueSerde().serializer(), PROCESSOR);
    topology.addSink(DLQ_SINK, Topics.READINGS_DLQ.name(), Topics.READINGS_DLQ.keySerde().serializer(),
        Topics.READINGS_DLQ.valueSerde().serializer(), PROCESSOR);
    return topology;
  }
}
