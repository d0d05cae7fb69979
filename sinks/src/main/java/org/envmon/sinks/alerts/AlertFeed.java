package org.envmon.sinks.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.envmon.schemas.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the alerts topic from the beginning (committed transactions only, no
 * consumer group: every envmon instance needs the whole picture) into {@link OpenAlerts}, and
 * the transitions that arrive after the start into the SSE {@link AlertStreamHub}; re-reading
 * the retained history at start must not replay old alerts to stream clients.
 */
final class AlertFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

  private final AlertDeliveryOptions options;
  private final OpenAlerts open;
  private final AlertStreamHub hub;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private Map<TopicPartition, Long> liveFrom = Map.of();
  private volatile boolean closing;
  private boolean started;

  AlertFeed(AlertDeliveryOptions options, OpenAlerts open, AlertStreamHub hub) {
    this.options = options;
    this.open = open;
    this.hub = hub;
    Map<String, Object> c = new HashMap<>(options.clientConfig());
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "envmon-alert-feed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // envmon creates its topics with the configured partitions; a metadata request must not.
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "alert-feed");
    thread.setDaemon(true);
  }

  /**
   * Starts reading. When the topic exists, the point from which transitions count as live is
   * fixed before this returns, so a stream client connected afterwards misses nothing.
   */
  void start() {
    List<TopicPartition> partitions = partitions();
    if (!partitions.isEmpty()) {
      assignFromBeginning(partitions);
    }
    started = true;
    thread.start();
  }

  private void assignFromBeginning(List<TopicPartition> partitions) {
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    liveFrom = consumer.endOffsets(partitions);
  }

  private List<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(options.alertsTopic().name());
    return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
  }

  private void run() {
    try {
      if (consumer.assignment().isEmpty()) {
        assignFromBeginning(awaitPartitions());
      }
      while (!closing) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          apply(r);
        }
      }
    } catch (WakeupException | InterruptException e) {
      if (!closing) {
        LOG.error("alert feed stopped unexpectedly; open alerts and the stream are no longer updated", e);
      }
    } catch (InterruptedException e) {
      if (!closing) {
        LOG.error("alert feed interrupted; open alerts and the stream are no longer updated", e);
      }
    } catch (RuntimeException e) {
      LOG.error("alert feed stopped: {}; open alerts and the stream are no longer updated; restart envmon",
          e.getMessage(), e);
    } finally {
      // The thread ends here; a pending interrupt would only make close() fail.
      Thread.interrupted();
      consumer.close();
    }
  }

  /** The topic's partitions, waiting while it does not exist yet (envmon creates it at start). */
  private List<TopicPartition> awaitPartitions() throws InterruptedException {
    while (!closing) {
      List<TopicPartition> partitions = partitions();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      LOG.info("topic {} does not exist yet; the alert feed waits for it", options.alertsTopic().name());
      Thread.sleep(TOPIC_WAIT.toMillis());
    }
    throw new WakeupException();
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    Alert alert;
    try {
      alert = options.alertsTopic().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
    } catch (RuntimeException e) {
      // Webhook subscribers dead-letter such a record; here it is only skipped.
      LOG.warn("alert feed skips an undecodable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
          e.getMessage());
      return;
    }
    open.apply(alert);
    if (r.offset() >= liveFrom.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
      hub.publish(alert);
    }
  }

  @Override
  public void close() {
    closing = true;
    if (!started) {
      consumer.close();
      return;
    }
    // wakeup() ends a blocking poll or metadata call; an interrupt could land while the thread
    // closes its consumer and make that close fail.
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
