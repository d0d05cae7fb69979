package org.envmon.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;

/**
 * The envmon topology as the bench runs it: its own application id and state directory, the
 * settings' processing guarantee (exactly-once v2 by default), and a way to read how many
 * readings it has committed.
 */
final class PipelineStreams implements AutoCloseable {
  static final String APPLICATION_ID = "envmon-bench";
  /** The streams grace the bench runs with (the default): a station closes its day this long after midnight. */
  static final Duration GRACE = StreamsSettings.defaults().grace();
  /** Over which the stations' day closes are spread after the grace (the default). */
  static final Duration DAY_CLOSE_SPREAD = StreamsSettings.defaults().dayCloseSpread();
  private static final long COMMITTED_POLL_MILLIS = 100;
  private final KafkaStreams streams;
  private final Admin admin;

  private PipelineStreams(KafkaStreams streams, Admin admin) {
    this.streams = streams;
    this.admin = admin;
  }

  /** Starts the topology; returns once it is RUNNING, so the caller times processing, not start-up. */
  static PipelineStreams start(String bootstrap, Path stateDir, Duration commitInterval, int threads,
                               Map<String, String> overrides, Duration timeout) throws InterruptedException {
    StreamsSettings settings = StreamsSettings.builder()
        .applicationId(APPLICATION_ID)
        .stateDir(stateDir)
        .commitInterval(commitInterval)
        .build();
    Properties props = settings.toProperties(bootstrap);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    props.putAll(overrides);
    KafkaStreams streams = new KafkaStreams(EnvmonTopology.build(settings), props);
    streams.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
          || System.nanoTime() > deadline) {
        KafkaStreams.State state = streams.state();
        streams.close(Duration.ofSeconds(10));
        throw new IllegalStateException("the streams application did not reach RUNNING within " + timeout
            + " (state " + state + "); see the log above");
      }
      Thread.sleep(50);
    }
    return new PipelineStreams(streams, Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
  }

  /** Readings whose processing the application has committed (its group's offsets on envmon.readings). */
  long committedReadings() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID)
          .partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(Topics.READINGS.name()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the committed offsets of " + APPLICATION_ID + ": "
          + e.getCause(), e);
    }
  }

  /**
   * A stream-thread metric of Kafka Streams (group {@code stream-thread-metrics}, e.g.
   * {@code commit-latency-avg}), averaged over the threads; NaN when no thread reports it.
   */
  double threadMetric(String name) {
    return streams.metrics().values().stream()
        .filter(m -> m.metricName().group().equals("stream-thread-metrics") && m.metricName().name().equals(name))
        .map(m -> m.metricValue())
        .filter(v -> v instanceof Double d && !d.isNaN())
        .mapToDouble(v -> (Double) v)
        .average().orElse(Double.NaN);
  }

  boolean isRunning() {
    return streams.state().isRunningOrRebalancing();
  }

  /**
   * Waits until the committed readings reach {@code target} (of {@code total}), showing progress.
   *
   * @param lowerOption the bench option that sizes this load, named when the deadline passes
   * @return the readings committed then
   */
  long awaitCommitted(long target, long total, long deadline, ProgressLine progress, String lowerOption)
      throws InterruptedException {
    long committed = committedReadings();
    while (committed < target) {
      if (!isRunning()) {
        throw new IllegalStateException("the streams application stopped after committing " + committed
            + " of " + total + " readings; see the log above");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline committed only " + committed + " of " + total
            + " readings in time; raise --timeout or lower " + lowerOption);
      }
      Thread.sleep(COMMITTED_POLL_MILLIS);
      committed = committedReadings();
      progress.update(committed, total);
    }
    return committed;
  }

  @Override
  public void close() {
    admin.close();
    streams.close(Duration.ofSeconds(30));
  }
}
