package org.envmon.ingest.kafkajson;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.ReadingValidator;

/**
 * Runs {@link RawReadingTopology} as a Kafka Streams application with {@code exactly_once_v2}: a
 * raw record's readings, its DLQ records and its consumer offset are committed in one
 * transaction, so each raw record ends up in {@code envmon.readings} (or the DLQ) exactly once,
 * whatever crashes or rebalances happen.
 */
public final class KafkaJsonIngest implements AutoCloseable {
  public static final String DEFAULT_APPLICATION_ID = "envmon-ingest-kafka-json";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;

  private KafkaJsonIngest(KafkaStreams streams) {
    this.streams = streams;
  }

  /**
   * Starts consuming; returns at once (the application runs on its own threads).
   *
   * @param kafka at least {@code bootstrap.servers}; other Streams/client settings pass through,
   *              {@code application.id} defaults to {@value #DEFAULT_APPLICATION_ID}
   */
  public static KafkaJsonIngest start(Properties kafka, ReadingValidator validator, IngestCounters counters,
                                      Clock clock) {
    KafkaStreams streams = new KafkaStreams(RawReadingTopology.build(validator, counters, clock), config(kafka));
    streams.start();
    return new KafkaJsonIngest(streams);
  }

  /** The Streams configuration used for the given user properties. */
  public static Properties config(Properties kafka) {
    Objects.requireNonNull(kafka, "kafka");
    if (kafka.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new IllegalArgumentException("Kafka-JSON ingest needs " + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG
          + " (host:port of the Kafka brokers)");
    }
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    config.putAll(kafka);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return config;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Commits and stops. Leaves the consumer group, so an instance started next takes the
   * partitions at once instead of after the session timeout.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
