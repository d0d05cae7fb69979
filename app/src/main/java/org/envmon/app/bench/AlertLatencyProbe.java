package org.envmon.app.bench;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.Parameter;

/**
 * Reading-to-alert latency. Each probe is a fresh station sending, through the real ingest
 * publisher, an hourly O3 mean of {@value #PROBE_O3} µg/m³ for the previous hour (above the
 * GB 3095-2012 1-hour limits of 160 and 200) and a normal value for the current hour, which
 * closes the previous hour at once. The latency of a probe runs from handing the readings to the
 * publisher to the arrival of the station's first OPEN alert on envmon.alerts at a read_committed
 * consumer in this JVM (one monotonic clock, no clock skew). The 1-hour rules run in the
 * readings' task, so it includes one exactly-once hop: the producer linger, the processing, the
 * wait for the next commit and the commit itself.
 */
final class AlertLatencyProbe {
  static final String STATION_PREFIX = "bench-probe-";
  static final double PROBE_O3 = 400;
  private static final double NORMAL_O3 = 60;
  private static final Duration POLL = Duration.ofMillis(20);

  private final String bootstrap;

  AlertLatencyProbe(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  static String stationId(int index) {
    return String.format(Locale.ROOT, "%s%05d", STATION_PREFIX, index + 1);
  }

  /** The probe stations, to publish to envmon.stations before the streams stage starts. */
  static List<StationEntry> stations(int count) {
    return IntStream.range(0, count).mapToObj(i -> new StationEntry(Station.newBuilder()
        .setId(stationId(i)).setName("benchmark probe " + (i + 1)).setMedium(Medium.AIR).setDistrict("东城")
        .setLatitude(39.93).setLongitude(116.42).setCadenceSeconds(3600).build(), null, null, false)).toList();
  }

  /**
   * Sends {@code untimed} probes and then {@code probes} timed ones, all {@code interval} apart,
   * and waits for their alerts. The untimed probes have the JIT compile the path that raises,
   * writes and reads an alert, which the load itself never takes.
   *
   * @return the timed probes: the latencies of those whose alert arrived within {@code timeout}
   *     after the last send, and how many never arrived
   */
  Result run(int untimed, int probes, Duration interval, Duration timeout, PrintStream out)
      throws InterruptedException {
    int total = untimed + probes;
    long[] sentAt = new long[total];
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    long compiledBefore = 0;
    long compiledWhileTimed;
    long cpuBefore = 0;
    long cpuWhileTimed;
    Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    Map<String, Long> producedAt = new ConcurrentHashMap<>();
    try (AlertWatcher watcher = new AlertWatcher(bootstrap, "read_committed", arrivedAt);
         AlertWatcher uncommitted = new AlertWatcher(bootstrap, "read_uncommitted", producedAt)) {
      watcher.start();
      uncommitted.start();
      Properties producerProps = new Properties();
      producerProps.put("bootstrap.servers", bootstrap);
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(producerProps)) {
        long started = System.nanoTime();
        ProgressLine progress = new ProgressLine(out, "latency probes sent (" + untimed + " untimed first)");
        for (int i = 0; i < total; i++) {
          long due = started + i * interval.toNanos();
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          sentAt[i] = System.nanoTime();
          if (i == untimed) {
            compiledBefore = compiler.getTotalCompilationTime();
            cpuBefore = Throughput.processCpuNanos();
          }
          acks.add(publisher.publish(probe(stationId(i), Instant.now())));
          progress.update(i + 1, total);
        }
        compiledWhileTimed = compiler.getTotalCompilationTime() - compiledBefore;
        cpuWhileTimed = Throughput.processCpuNanos() - cpuBefore;
        acks.forEach(CompletableFuture::join);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      ProgressLine progress = new ProgressLine(out, "latency alerts received");
      while (arrivedAt.size() < total && System.nanoTime() < deadline) {
        watcher.checkAlive();
        progress.update(arrivedAt.size(), total);
        Thread.sleep(POLL.toMillis());
      }
    }
    double timedSeconds = Math.max(1, sentAt[total - 1] - sentAt[untimed]) / 1e9;
    return new Result(IntStream.range(untimed, total).mapToObj(i -> new ProbeTiming(
        (sentAt[i] - sentAt[untimed]) / 1_000_000, millisSince(sentAt[i], producedAt.get(stationId(i))),
        millisSince(sentAt[i], arrivedAt.get(stationId(i))))).toList(), compiledWhileTimed / 1e3 / timedSeconds,
        cpuWhileTimed / 1e9 / timedSeconds);
  }

  private static double millisSince(long sent, Long seen) {
    return seen == null ? Double.NaN : (seen - sent) / 1e6;
  }

  /** An exceeding hourly O3 mean for the previous hour and a normal one that closes it. */
  static List<Reading> probe(String station, Instant now) {
    Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
    return List.of(hourly(station, currentHour.minus(Duration.ofHours(1)), PROBE_O3, now),
        hourly(station, currentHour, NORMAL_O3, now));
  }

  private static Reading hourly(String station, Instant hourStart, double value, Instant now) {
    return Reading.newBuilder().setStationId(station).setParameter(Parameter.O3.code()).setMedium(Medium.AIR)
        .setObservedAt(hourStart).setPeriodSeconds(3600).setSampleMinutes(60).setValue(value)
        .setUnit(Parameter.O3.unit()).setSource("bench").setReceivedAt(now).build();
  }

  /**
   * Every timed probe's timing. The latencies until the alert was committed (read_committed) and
   * until it was written, before its transaction committed (read_uncommitted), are those of the
   * probes whose alert was seen: the difference is the wait for the exactly-once commit.
   * {@code compilerBusyShare} is the JIT compilers' time per second while the timed probes were
   * sent (0.25 = a quarter of a core), to tell a warm run from one that still compiles;
   * {@code processCores} the whole process's CPU time per second then (broker, load generator,
   * streams, JIT and GC together), to tell how busy "half load" keeps the machine.
   */
  record Result(List<ProbeTiming> timeline, double compilerBusyShare, double processCores) {
    double[] latenciesMillis() {
      return seen(ProbeTiming::committedMillis);
    }

    double[] uncommittedMillis() {
      return seen(ProbeTiming::writtenMillis);
    }

    /** Probes whose alert never arrived. */
    int missing() {
      return timeline.size() - latenciesMillis().length;
    }

    private double[] seen(ToDoubleFunction<ProbeTiming> latency) {
      return timeline.stream().mapToDouble(latency).filter(ms -> !Double.isNaN(ms)).toArray();
    }
  }

  /**
   * One probe: when it was sent (milliseconds after the first), and its latencies until the alert
   * was written and until it was committed (NaN if never seen).
   */
  record ProbeTiming(long sentAfterMillis, double writtenMillis, double committedMillis) {}

  /** Polls envmon.alerts from its end on its own thread, noting when each probe station's first OPEN arrives. */
  private static final class AlertWatcher implements AutoCloseable {
    private final KafkaConsumer<String, Alert> consumer;
    private final Map<String, Long> arrivedAt;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    AlertWatcher(String bootstrap, String isolationLevel, Map<String, Long> arrivedAt) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      // A subscriber sees only committed alerts: the exactly-once commit is part of the latency.
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      this.consumer = new KafkaConsumer<>(props, Topics.ALERTS.keySerde().deserializer(),
          Topics.ALERTS.valueSerde().deserializer());
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now, before the first probe is sent
      this.arrivedAt = arrivedAt;
      this.thread = new Thread(this::poll, "bench-alert-watcher-" + isolationLevel);
    }

    void start() {
      thread.start();
    }

    private void poll() {
      try {
        while (!stopped) {
          for (ConsumerRecord<String, Alert> r : consumer.poll(POLL)) {
            long now = System.nanoTime();
            Alert alert = r.value();
            if (alert != null && alert.getState() == AlertState.OPEN
                && alert.getStationId().startsWith(STATION_PREFIX)) {
              arrivedAt.putIfAbsent(alert.getStationId(), now);
            }
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        consumer.close();
      }
    }

    void checkAlive() {
      if (failure != null) {
        throw new IllegalStateException("the alert consumer failed: " + failure, failure);
      }
    }

    @Override
    public void close() {
      stopped = true;
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
