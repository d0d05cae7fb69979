package org.envmon.sinks.influx.sink;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.envmon.schemas.topics.Topic;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.sinks.influx.write.InfluxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the result topics and writes them to InfluxDB effectively once.
 *
 * <p>Each poll batch is decoded, mapped and written synchronously; offsets (the consumer
 * positions, so transaction markers are passed too) are committed only after InfluxDB
 * acknowledged the batch and any dead letters are in Kafka. While InfluxDB is unavailable the
 * sink pauses its partitions and keeps polling between retries, so it keeps its group membership
 * for as long as the outage lasts without reading further. Records that cannot be decoded or
 * mapped, and points InfluxDB rejects (found by bisection), go to the sink DLQ; the rest of the
 * batch is written.
 */
public final class InfluxSink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);
  private static final Duration LAG_REFRESH = Duration.ofSeconds(5);

  private final InfluxSinkOptions options;
  private final PointMapper mapper;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SinkDeadLetters deadLetters;
  private final PersistentWriter writer;
  private final SinkMetrics metrics;
  private final Map<String, Topic<String, ?>> topicsByName = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final Thread thread;
  private final AtomicLong caughtUpRequested = new AtomicLong();
  private final Object caughtUpLock = new Object();
  private long caughtUpAnswered;
  private long lagRefreshedAt;
  private volatile boolean closing;
  private boolean started;
  private volatile Throwable failure;

  public InfluxSink(InfluxSinkOptions options, InfluxWriter influx, PointMapper mapper,
      MeterRegistry registry) {
    this.options = options;
    this.mapper = mapper;
    this.metrics = new SinkMetrics(registry, options.groupId());
    this.writer = new PersistentWriter(influx,
        new Backoff(options.initialBackoff(), options.maxBackoff(), RandomGenerator.getDefault()),
        metrics);
    options.topics().forEach(t -> topicsByName.put(t.name(), t));
    this.consumer = new KafkaConsumer<>(consumerConfig(options), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    producerConfig.put(CommonClientConfigs.CLIENT_ID_CONFIG, options.groupId() + "-dlq");
    producerConfig.putAll(options.extraClientConfig());
    this.deadLetters = new SinkDeadLetters(producerConfig, Clock.systemUTC());
    this.thread = new Thread(this::run, "influx-sink-" + options.groupId());
  }

  private static Map<String, Object> consumerConfig(InfluxSinkOptions options) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, options.groupId());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.maxPollRecords());
    // Polling continues during InfluxDB outages; only a bisection of a large rejected batch makes
    // one iteration long, hence more room than the 5 min default.
    c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
    c.putAll(options.extraClientConfig());
    return c;
  }

  /** Subscribes and starts consuming on the sink's own thread. */
  public void start() {
    started = true;
    thread.start();
  }

  /**
   * Waits until every record that was in the assigned partitions when this method was called has
   * been written and committed (committed offsets equal end offsets, with at least one partition
   * assigned).
   *
   * @return true when caught up, false when the timeout passed first
   * @throws IllegalStateException when the sink stopped because of a failure
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long request = caughtUpRequested.incrementAndGet();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (caughtUpLock) {
      while (caughtUpAnswered < request) {
        if (failure != null) {
          throw new IllegalStateException("InfluxDB sink stopped: " + failure, failure);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        caughtUpLock.wait(Math.max(1, remaining / 1_000_000));
      }
      return true;
    }
  }

  /** The failure that stopped the sink, or null while it runs. */
  public Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      consumer.subscribe(List.copyOf(topicsByName.keySet()));
      while (!closing) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(options.pollTimeout());
        if (!records.isEmpty()) {
          writeBatch(records);
          consumer.resume(consumer.paused());
        }
        commitPositions();
        refreshLagAndAnswerCaughtUp();
      }
    } catch (WakeupException e) {
      if (!closing) {
        fail(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      consumer.close();
      synchronized (caughtUpLock) {
        caughtUpLock.notifyAll();
      }
    }
  }

  private void fail(Throwable e) {
    failure = e;
    LOG.error("InfluxDB sink {} stopped; restart it to resume from the last committed offsets",
        options.groupId(), e);
  }

  /** A point with the Kafka record it came from. */
  private record Origin(String key, String address, String stationId) {}

  private void writeBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    List<Origin> origins = new ArrayList<>();
    List<LinePoint> points = new ArrayList<>();
    List<SinkDeadLetters.Entry> dead = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      String address = r.topic() + "-" + r.partition() + "@" + r.offset();
      SpecificRecord value;
      try {
        value = (SpecificRecord) topicsByName.get(r.topic()).valueSerde().deserializer()
            .deserialize(r.topic(), r.headers(), r.value());
      } catch (RuntimeException e) {
        dead.add(new SinkDeadLetters.Entry(key, SinkDeadLetters.Reason.DESERIALIZATION,
            "cannot decode a record of " + r.topic() + ": " + e.getMessage(), address, null,
            r.value() == null ? "" : HexFormat.of().formatHex(r.value())));
        continue;
      }
      String stationId = stationOf(value);
      try {
        for (LinePoint p : mapper.map(value)) {
          origins.add(new Origin(key, address, stationId));
          points.add(p);
        }
      } catch (RuntimeException e) {
        dead.add(new SinkDeadLetters.Entry(key, SinkDeadLetters.Reason.UNMAPPABLE,
            "cannot map to an InfluxDB point: " + e.getMessage(), address, stationId,
            String.valueOf(value)));
      }
    }
    List<Integer> indices = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      indices.add(i);
    }
    List<RejectionIsolator.Rejected<Integer>> rejected = RejectionIsolator.writeIsolating(indices,
        points, batch -> writer.write(batch, this::pauseAndPoll));
    for (RejectionIsolator.Rejected<Integer> r : rejected) {
      metrics.rejected();
      Origin origin = origins.get(r.item());
      dead.add(new SinkDeadLetters.Entry(origin.key(), SinkDeadLetters.Reason.INFLUX_REJECTED,
          r.reason(), origin.address(), origin.stationId(), points.get(r.item()).toLineProtocol()));
    }
    if (!dead.isEmpty()) {
      deadLetters.sendAll(dead);
      dead.forEach(d -> metrics.deadLettered());
      LOG.warn("{} records/points of this batch sent to the sink DLQ, first: {}", dead.size(),
          dead.get(0).explanation());
    }
  }

  /**
   * Spends a backoff delay polling with all partitions paused: keeps the group membership
   * without reading ahead. Records of partitions assigned meanwhile are not processed now: their
   * positions are set back so the next regular poll returns them again.
   */
  private void pauseAndPoll(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      consumer.pause(consumer.assignment());
      ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(Duration.ofNanos(remaining));
      for (TopicPartition tp : unexpected.partitions()) {
        consumer.seek(tp, unexpected.records(tp).get(0).offset());
      }
    }
  }

  private void commitPositions() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      long position = consumer.position(tp);
      if (!Long.valueOf(position).equals(committed.get(tp))) {
        offsets.put(tp, new OffsetAndMetadata(position));
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
      offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The written points stay; whoever owns the partitions next writes them again, which
      // overwrites identical points.
      LOG.info("offset commit lost to a rebalance; records will be written again: {}", e.getMessage());
    }
  }

  private void refreshLagAndAnswerCaughtUp() {
    long pending = caughtUpRequested.get();
    boolean requested;
    synchronized (caughtUpLock) {
      requested = pending > caughtUpAnswered;
    }
    long now = System.nanoTime();
    if (!requested && now - lagRefreshedAt < LAG_REFRESH.toNanos()) {
      return;
    }
    lagRefreshedAt = now;
    Set<TopicPartition> assignment = consumer.assignment();
    Map<TopicPartition, Long> ends = consumer.endOffsets(assignment);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
    }
    metrics.lag(lag);
    if (requested && lag == 0 && !assignment.isEmpty()) {
      synchronized (caughtUpLock) {
        caughtUpAnswered = Math.max(caughtUpAnswered, pending);
        caughtUpLock.notifyAll();
      }
    }
  }

  private static String stationOf(SpecificRecord value) {
    var field = value.getSchema().getField("stationId");
    if (field == null) {
      field = value.getSchema().getField("scope");
    }
    return field == null ? null : String.valueOf(value.get(field.pos()));
  }

  /** Stops consuming; uncommitted work is read again by the next sink of the group. */
  @Override
  public void close() {
    closing = true;
    if (started) {
      consumer.wakeup();
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      consumer.close();
    }
    deadLetters.close();
  }
}
