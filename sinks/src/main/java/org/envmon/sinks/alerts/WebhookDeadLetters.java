package org.envmon.sinks.alerts;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.topics.Topic;

/**
 * Writes deliveries a subscriber did not take to the sink DLQ, synchronously, so a record's offset
 * is committed only once its dead letter is in Kafka. One producer, shared by all subscribers.
 */
final class WebhookDeadLetters implements AutoCloseable {
  /** Reason codes of webhook dead letters. */
  enum Reason { WEBHOOK_RETRIES_EXHAUSTED, WEBHOOK_REFUSED, DESERIALIZATION }

  /** One dead letter before sending. */
  record Entry(String key, Reason reason, String explanation, String source, String sourceAddress,
               String stationId, String payload) {}

  private final Topic<String, DeadLetter> topic;
  private final KafkaProducer<String, DeadLetter> producer;
  private final Clock clock;

  WebhookDeadLetters(Topic<String, DeadLetter> topic, Map<String, Object> clientConfig, Clock clock) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.topic = topic;
    this.producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
    this.clock = clock;
  }

  /**
   * Sends the entry and waits for Kafka's acknowledgement.
   *
   * @throws IllegalStateException when Kafka did not take it
   */
  void send(Entry e) throws InterruptedException {
    DeadLetter letter = DeadLetter.newBuilder()
        .setReasonCode(e.reason().name())
        .setReason(e.explanation())
        .setSource(e.source())
        .setSourceAddress(e.sourceAddress())
        .setStationId(e.stationId())
        .setPayload(e.payload())
        .setAt(clock.instant())
        .build();
    try {
      producer.send(new ProducerRecord<>(topic.name(), e.key(), letter)).get();
    } catch (ExecutionException ex) {
      throw new IllegalStateException("cannot write a dead letter to " + topic.name() + ": " + ex.getCause(), ex);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
