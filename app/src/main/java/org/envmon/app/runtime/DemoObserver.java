package org.envmon.app.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.BeijingZone;

/**
 * What the demo shows: alert transitions printed as they happen, and a tally of everything the
 * pipeline produced for the final summary. Reads committed output only, like any subscriber.
 */
public final class DemoObserver implements AutoCloseable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingZone.OFFSET);
  private static final List<Topic<String, ?>> WATCHED = List.of(Topics.HOURLY, Topics.AGGREGATES, Topics.AQI,
      Topics.ALERTS, Topics.PLAN_PROGRESS, Topics.READINGS_DLQ, Topics.LATE);

  private final KafkaConsumer<String, byte[]> consumer;
  private final PrintStream out;
  private final boolean printAlerts;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile CountDownLatch drained;

  public DemoObserver(Properties clientProperties, PrintStream out, boolean printAlerts) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "envmon-demo-observer-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.out = out;
    this.printAlerts = printAlerts;
    this.thread = new Thread(this::run, "envmon-demo-observer");
    this.thread.setDaemon(true);
  }

  public DemoObserver start() {
    consumer.subscribe(WATCHED.stream().map(Topic::name).toList());
    thread.start();
    return this;
  }

  private void run() {
    try {
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> r : records) {
          tally(r);
        }
        CountDownLatch request = drained;
        if (request != null && records.isEmpty() && atEnd()) {
          request.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }

  private void tally(ConsumerRecord<String, byte[]> r) {
    String topic = r.topic();
    if (topic.equals(Topics.HOURLY.name())) {
      HourlyValue h = Topics.HOURLY.valueSerde().deserializer().deserialize(topic, r.value());
      count("hourly " + (h.getValid() ? "valid" : "invalid"));
    } else if (topic.equals(Topics.AGGREGATES.name())) {
      Aggregate a = Topics.AGGREGATES.valueSerde().deserializer().deserialize(topic, r.value());
      count(a.getStatistic() + (a.getValid() ? " valid" : " invalid"));
    } else if (topic.equals(Topics.AQI.name())) {
      AqiRecord a = Topics.AQI.valueSerde().deserializer().deserialize(topic, r.value());
      count("AQI " + a.getPeriod().toLowerCase(java.util.Locale.ROOT)
          + (a.getCategory() == null ? " not published" : " " + a.getCategory()));
    } else if (topic.equals(Topics.ALERTS.name())) {
      Alert a = Topics.ALERTS.valueSerde().deserializer().deserialize(topic, r.value());
      count("alerts " + a.getState());
      if (printAlerts) {
        out.printf("  ALERT %-9s %-8s %s  %s%n", a.getState(), a.getSeverity(),
            TIME.format(a.getPeriodStart()), a.getMessage());
      }
    } else if (topic.equals(Topics.PLAN_PROGRESS.name())) {
      PlanProgress p = Topics.PLAN_PROGRESS.valueSerde().deserializer().deserialize(topic, r.value());
      count("plan progress " + (p.getOnTrack() ? "on track" : "off track"));
    } else if (topic.equals(Topics.READINGS_DLQ.name())) {
      DeadLetter d = Topics.READINGS_DLQ.valueSerde().deserializer().deserialize(topic, r.value());
      count("dead letters " + d.getReasonCode());
    } else if (topic.equals(Topics.LATE.name())) {
      count("late readings");
    }
  }

  private boolean atEnd() {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    return assigned.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
  }

  /** Waits until everything committed so far has been tallied. */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    drained = latch;
    return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void count(String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** Counts so far, by kind, sorted. */
  public Map<String, Long> counts() {
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
