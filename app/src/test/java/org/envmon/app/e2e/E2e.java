package org.envmon.app.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.schemas.topics.Topic;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.RepositoryFiles;

/** What the end-to-end tests share: the repository layout, a pipeline configuration, topic reads. */
final class E2e {
  /** Bound for one whole pipeline run to quiescence; far above what the tests need. */
  static final Duration QUIESCENCE_TIMEOUT = Duration.ofMinutes(5);

  private E2e() {}

  static Path stationsFile() {
    return RepositoryFiles.root().resolve("config/stations.yaml");
  }

  /** Start of a Beijing natural day in UTC: 16:00 Z of the previous date. */
  static Instant beijingDayStart(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.ofHours(8));
  }

  /**
   * A configuration against the shared test broker and the shared InfluxDB: a unique streams
   * application id and InfluxDB database per run, streams state in {@code stateDir}.
   */
  static EnvmonConfig config(TestKafka kafka, InfluxDbServer influx, String database, Path stateDir) {
    Map<String, String> s = new HashMap<>();
    s.put(EnvmonConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
    s.put(EnvmonConfig.TOPIC_PARTITIONS, "3");
    s.put(EnvmonConfig.STREAMS_APPLICATION_ID, "e2e-" + UUID.randomUUID());
    s.put(EnvmonConfig.STREAMS_STATE_DIR, stateDir.toString());
    s.put(EnvmonConfig.STATIONS_FILE, stationsFile().toString());
    s.put(EnvmonConfig.INFLUX_URL, influx.url());
    s.put(EnvmonConfig.INFLUX_API, "v1");
    s.put(EnvmonConfig.INFLUX_DATABASE, database);
    return ConfigLoader.load(null, s);
  }

  /** A database name no other test uses. */
  static String uniqueDatabase(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Every committed record of {@code topic} (read_committed, from the beginning), read until the
   * consumer reached the end of every partition; fails after {@code timeout}.
   */
  static <K, V> List<ConsumerRecord<K, V>> readAll(TestKafka kafka, Topic<K, V> topic, Duration timeout) {
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(kafka.consumerConfig(),
        topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed the end offsets are the last stable offsets: everything committed.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic.name() + " to its end " + ends + " within " + timeout);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
