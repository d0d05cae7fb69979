package org.envmon.sinks.influx.sink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.topics.Topics;

/**
 * Sends what the sink cannot write to {@link Topics#SINK_DLQ}, synchronously, so offsets are
 * committed only after the dead letters are safely in Kafka.
 */
final class SinkDeadLetters implements AutoCloseable {
  static final String SOURCE = "influx-sink";

  /** Why a record or point went to the DLQ. */
  enum Reason { DESERIALIZATION, UNMAPPABLE, INFLUX_REJECTED }

  /** One dead letter before sending. */
  record Entry(String key, Reason reason, String explanation, String sourceAddress,
               String stationId, String payload) {}

  private final KafkaProducer<String, DeadLetter> producer;
  private final Clock clock;

  SinkDeadLetters(Map<String, Object> producerConfig, Clock clock) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(config, Topics.SINK_DLQ.keySerde().serializer(),
        Topics.SINK_DLQ.valueSerde().serializer());
    this.clock = clock;
  }

  /** Sends all entries and waits until Kafka acknowledged each. */
  void sendAll(List<Entry> entries) throws InterruptedException {
    List<Future<RecordMetadata>> acks = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      DeadLetter letter = DeadLetter.newBuilder()
          .setReasonCode(e.reason().name())
          .setReason(e.explanation())
          .setSource(SOURCE)
          .setSourceAddress(e.sourceAddress())
          .setStationId(e.stationId())
          .setPayload(e.payload())
          .setAt(clock.instant())
          .build();
      acks.add(producer.send(new ProducerRecord<>(Topics.SINK_DLQ.name(), e.key(), letter)));
    }
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get();
      } catch (ExecutionException ex) {
        throw new IllegalStateException("could not write to " + Topics.SINK_DLQ.name()
            + "; offsets are not committed and the batch will be read again: " + ex.getCause(), ex);
      }
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
