package org.envmon.sinks.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.envmon.schemas.Alert;
import org.envmon.sinks.influx.sink.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts topic to one webhook subscriber, in its own consumer group on its own
 * thread, so a slow or dead subscriber holds back nobody but itself.
 *
 * <p>Records are handled one at a time in partition order (an alert's OPEN reaches the subscriber
 * before its CLEARED). A record's offset is committed only after the subscriber answered 2xx or
 * the record was dead-lettered; after a crash or rebalance it is delivered again with the same
 * {@code Idempotency-Key}. Between retries the worker keeps polling with its partitions paused, so
 * long backoffs do not cost it its group membership.
 */
final class WebhookWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final WebhookSubscriber subscriber;
  private final AlertDeliveryOptions options;
  private final WebhookClient client;
  private final WebhookDeadLetters deadLetters;
  private final Backoff backoff;
  private final WebhookMetrics metrics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean closing;

  WebhookWorker(WebhookSubscriber subscriber, AlertDeliveryOptions options, WebhookClient client,
                WebhookDeadLetters deadLetters) {
    this.subscriber = subscriber;
    this.options = options;
    this.client = client;
    this.deadLetters = deadLetters;
    this.backoff = new Backoff(options.initialBackoff(), options.maxBackoff(), RandomGenerator.getDefault());
    this.metrics = new WebhookMetrics(options.meters(), subscriber.name());
    this.consumer = new KafkaConsumer<>(consumerConfig(subscriber, options), new StringDeserializer(),
        new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "webhook-" + subscriber.name());
  }

  private static Map<String, Object> consumerConfig(WebhookSubscriber subscriber, AlertDeliveryOptions options) {
    Map<String, Object> c = new HashMap<>(options.clientConfig());
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupIdPrefix() + subscriber.name());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, options.groupIdPrefix() + subscriber.name());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.newSubscriberStart().name().toLowerCase(Locale.ROOT));
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return c;
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(options.alertsTopic().name()));
      while (!closing) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> r : records) {
          if (closing) {
            break;
          }
          handle(r);
          commit(r);
        }
      }
    } catch (WakeupException | InterruptException e) {
      if (!closing) {
        LOG.error("webhook {} stopped unexpectedly; restart envmon to resume", subscriber.name(), e);
      }
    } catch (InterruptedException e) {
      if (!closing) {
        LOG.error("webhook {} interrupted; restart envmon to resume", subscriber.name(), e);
      }
    } catch (RuntimeException e) {
      LOG.error("webhook {} stopped: {}; restart envmon to resume from the last delivered alert",
          subscriber.name(), e.getMessage(), e);
    } finally {
      // The thread ends here; a pending interrupt would only make close() fail to leave the group.
      Thread.interrupted();
      consumer.close();
    }
  }

  private void handle(ConsumerRecord<String, byte[]> r) throws InterruptedException {
    String address = r.topic() + "-" + r.partition() + "@" + r.offset();
    Alert alert;
    try {
      alert = options.alertsTopic().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
    } catch (RuntimeException e) {
      deadLetter(new WebhookDeadLetters.Entry(r.key(), WebhookDeadLetters.Reason.DESERIALIZATION,
          "cannot decode an alert: " + e.getMessage(), subscriber.deadLetterSource(), address, null,
          r.value() == null ? "" : HexFormat.of().formatHex(r.value())));
      return;
    }
    if (!subscriber.filter().matches(alert)) {
      return;
    }
    byte[] body = AlertJson.toBytes(alert);
    String idempotencyKey = alert.getAlertId() + ":" + alert.getState();
    for (int attempt = 1; ; attempt++) {
      AttemptResult result = client.post(subscriber, idempotencyKey, body);
      metrics.attempt(result.outcome());
      switch (result.outcome()) {
        case DELIVERED -> {
          return;
        }
        case REFUSED -> {
          deadLetter(entry(alert, address, body, WebhookDeadLetters.Reason.WEBHOOK_REFUSED,
              subscriber.url() + " refused " + idempotencyKey + " with " + result.detail()
                  + "; fix the subscriber and replay the dead letter"));
          return;
        }
        case RETRY -> {
          if (attempt >= options.maxAttempts()) {
            deadLetter(entry(alert, address, body, WebhookDeadLetters.Reason.WEBHOOK_RETRIES_EXHAUSTED,
                "no success after " + attempt + " attempts to " + subscriber.url() + ", last: " + result.detail()));
            return;
          }
          Duration delay = backoff.delay(attempt - 1);
          LOG.info("webhook {}: attempt {} for {} failed ({}); retrying in {} ms", subscriber.name(), attempt,
              idempotencyKey, result.detail(), delay.toMillis());
          waitKeepingMembership(delay);
        }
      }
    }
  }

  private WebhookDeadLetters.Entry entry(Alert alert, String address, byte[] body,
                                         WebhookDeadLetters.Reason reason, String explanation) {
    return new WebhookDeadLetters.Entry(alert.getAlertId(), reason, explanation, subscriber.deadLetterSource(),
        address, alert.getStationId(), new String(body, StandardCharsets.UTF_8));
  }

  /** Dead-letters, retrying while Kafka does not take it: the offset must not pass a lost delivery. */
  private void deadLetter(WebhookDeadLetters.Entry entry) throws InterruptedException {
    LOG.warn("webhook {}: {} goes to the dead letters: {}", subscriber.name(), entry.key(), entry.explanation());
    for (int attempt = 0; ; attempt++) {
      try {
        deadLetters.send(entry);
        metrics.deadLettered();
        return;
      } catch (IllegalStateException e) {
        LOG.warn("webhook {}: {}; retrying", subscriber.name(), e.getMessage());
        waitKeepingMembership(backoff.delay(attempt));
      }
    }
  }

  /**
   * Spends a backoff delay polling with all partitions paused. Records of partitions assigned
   * meanwhile are not handled now: their positions are set back so a regular poll returns them.
   */
  private void waitKeepingMembership(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      if (closing) {
        // Leave the record uncommitted; the next run delivers it again.
        throw new WakeupException();
      }
      consumer.pause(consumer.assignment());
      ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofNanos(remaining));
      for (TopicPartition tp : unexpected.partitions()) {
        consumer.seek(tp, unexpected.records(tp).get(0).offset());
      }
    }
    consumer.resume(consumer.paused());
  }

  private void commit(ConsumerRecord<String, byte[]> r) {
    if (closing) {
      return;
    }
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    try {
      consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partition's next owner delivers the record again, with the same Idempotency-Key.
      LOG.info("webhook {}: commit lost to a rebalance; {} may be delivered again: {}", subscriber.name(),
          tp, e.getMessage());
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    // Ends a webhook request in flight (HttpClient.send is interruptible).
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
