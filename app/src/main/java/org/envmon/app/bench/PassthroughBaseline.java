package org.envmon.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;

/**
 * The raw baseline: a plain consumer and producer copying envmon.readings to
 * {@link BenchTopics#PASSTHROUGH} with the same Avro serdes, the producer settings of ingest
 * (lz4, idempotent, acks=all) and no transactions. It reads the partitions by assignment, so no
 * group rebalance delay counts against it.
 */
final class PassthroughBaseline {
  private static final Duration POLL = Duration.ofMillis(200);
  private final String bootstrap;

  PassthroughBaseline(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Copies the first {@code warmup + expected} readings and returns how fast the last
   * {@code expected} went, counting until all are acknowledged: the first {@code warmup} give the
   * JIT compiler time and are not timed.
   */
  Throughput run(long warmup, long expected, Duration timeout, PrintStream out) {
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Properties producerProps = new Properties();
    producerProps.put("bootstrap.servers", bootstrap);
    ProgressLine progress = new ProgressLine(out, "passthrough");
    try (KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(consumerProps,
            Topics.READINGS.keySerde().deserializer(), Topics.READINGS.valueSerde().deserializer());
         KafkaProducer<String, Reading> producer = new KafkaProducer<>(
             KafkaReadingPublisher.effectiveConfig(producerProps),
             BenchTopics.PASSTHROUGH.keySerde().serializer(), BenchTopics.PASSTHROUGH.valueSerde().serializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.READINGS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long started = System.nanoTime();
      long cpuStarted = Throughput.processCpuNanos();
      long deadline = started + timeout.toNanos();
      long copied = 0;
      long timedFrom = -1;
      AtomicReference<Exception> failure = new AtomicReference<>();
      while (copied < warmup + expected) {
        if (timedFrom < 0 && copied >= warmup) {
          producer.flush();
          timedFrom = copied;
          started = System.nanoTime();
          cpuStarted = Throughput.processCpuNanos();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the passthrough copied only " + copied + " of " + (warmup + expected)
              + " readings within " + timeout + "; is the broker overloaded?");
        }
        ConsumerRecords<String, Reading> records = consumer.poll(POLL);
        for (ConsumerRecord<String, Reading> r : records) {
          producer.send(new ProducerRecord<>(BenchTopics.PASSTHROUGH.name(), r.key(), r.value()),
              (metadata, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                }
              });
        }
        copied += records.count();
        progress.update(copied, warmup + expected);
      }
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("the passthrough producer failed: " + failure.get(), failure.get());
      }
      if (timedFrom < 0) {
        timedFrom = 0; // one poll crossed the warm-up and the end together: time all of it, warm-up included
      }
      return new Throughput(copied - timedFrom, Duration.ofNanos(System.nanoTime() - started),
          Throughput.processCpuNanos() - cpuStarted);
    }
  }
}
