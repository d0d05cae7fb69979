package org.envmon.ingest.registry;

import java.util.Collection;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topics;

/**
 * Publishes the public station records (never the credentials) to the compacted
 * {@link Topics#STATIONS}, key = station id, so streams and sinks see district, medium and zone
 * of every station. Republishing at every start is harmless: compaction keeps the latest.
 * Stations removed from the file are not deleted from the topic.
 */
public final class StationPublisher implements AutoCloseable {
  private final Producer<String, Station> producer;

  /** @param producerProperties as for {@link KafkaReadingPublisher#KafkaReadingPublisher(Properties)} */
  public StationPublisher(Properties producerProperties) {
    Properties config = KafkaReadingPublisher.effectiveConfig(producerProperties);
    // A few dozen records to partitions that were often created a moment ago: one request in
    // flight keeps a new transactions-v2 producer's first sequence in order (KAFKA-18202), which
    // otherwise occasionally left a batch unanswered until the delivery timeout.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    this.producer = new KafkaProducer<>(config,
        Topics.STATIONS.keySerde().serializer(), Topics.STATIONS.valueSerde().serializer());
  }

  /** Completes with the number of stations once Kafka acknowledged all of them. */
  public CompletableFuture<Integer> publish(Collection<StationEntry> stations) {
    Objects.requireNonNull(stations, "stations");
    CompletableFuture<?>[] acks = stations.stream().map(entry -> {
      CompletableFuture<Void> ack = new CompletableFuture<>();
      producer.send(new ProducerRecord<>(Topics.STATIONS.name(), entry.id(), entry.station()), (metadata, error) -> {
        if (error != null) {
          ack.completeExceptionally(error);
        } else {
          ack.complete(null);
        }
      });
      return ack;
    }).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(acks).thenApply(done -> stations.size());
  }

  @Override
  public void close() {
    producer.close();
  }
}
