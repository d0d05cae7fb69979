package org.envmon.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.loadgen.LoadGenerator;
import org.envmon.ingest.loadgen.LoadOptions;
import org.envmon.schemas.topics.Topics;

/**
 * What an hour's close costs, on its own: the stations send hourly means, so every round of
 * readings closes one hour of every station (the hourly values, rolling means, AQI, the day's
 * statistics, the 1-hour rules, station health and the status stores), with the minute data's
 * per-reading work left out. The end-to-end p99 moves by a hundred milliseconds between runs on
 * this machine; the CPU the stream threads spend per station-hour moves much less between runs
 * taken one after the other, so alternating runs tell whether a change made the close cheaper.
 * On a broker of its own, after the other Kafka
 * figures: {@value #WARMUP_DAYS} untimed days first (JIT), then the timed ones.
 */
final class HourCloseCost {
  static final int WARMUP_DAYS = 3;
  private static final int HOURS_PER_DAY = 24;
  private static final String HOUR_CLOSE_DAYS_OPTION = "--hour-close-days";
  /** Stream threads of the bench's application; not their producers' network threads. */
  private static final Pattern STREAM_THREAD = Pattern.compile(
      Pattern.quote(PipelineStreams.APPLICATION_ID) + "-.*-StreamThread-\\d+");

  /**
   * @param stationHoursPerSecond station-hours closed per second of wall time
   * @param streamCpuMicros       stream threads' CPU time per station-hour
   * @param processCpuMicros      the whole process's CPU time per station-hour (broker included)
   * @param stationHours          station-hours timed
   */
  record Result(double stationHoursPerSecond, double streamCpuMicros, double processCpuMicros, long stationHours) {}

  private HourCloseCost() {}

  static Result measure(int stations, int timedDays, int partitions, int threads, Duration commitInterval,
                        Map<String, String> streamsConfig, Duration timeout, PrintStream out)
      throws InterruptedException {
    try (BenchDirectory dir = BenchDirectory.create("envmon-bench-closes-");
         EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(BrokerOptions.builder()
             .dataDir(dir.path().resolve("kafka")).brokerPort(0).controllerPort(0)
             .defaultPartitions(partitions).build())) {
      String bootstrap = kafka.bootstrapServers();
      kafka.createTopics(Topics.all(), partitions);
      long perDay = (long) stations * LoadOptions.AIR.size() * HOURS_PER_DAY;
      long warmup = perDay * WARMUP_DAYS;
      long total = warmup + perDay * timedDays;
      LoadOptions load = new LoadOptions(stations, LoadOptions.AIR, total, Double.POSITIVE_INFINITY, 1000, 32, 1L,
          LoadOptions.HOUR);
      Properties props = new Properties();
      props.put("bootstrap.servers", bootstrap);
      try (ReadingPublisher publisher = new KafkaReadingPublisher(props)) {
        BenchStations.publish(bootstrap, new LoadGenerator(publisher, load).stations(), timeout, out);
        // ends hours before now, so the silent-station punctuator closes nothing on its own
        Instant lastHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        ProgressLine progress = new ProgressLine(out, "hour closes: hourly means");
        new LoadGenerator(publisher, load, Clock.fixed(lastHour, ZoneOffset.UTC))
            .run(p -> progress.update(p.sent(), p.total()));
      }
      try (PipelineStreams streams = PipelineStreams.start(bootstrap, dir.path().resolve("streams"),
          commitInterval, threads, streamsConfig, timeout)) {
        ProgressLine progress = new ProgressLine(out, "hour closes: committed");
        long deadline = System.nanoTime() + timeout.toNanos();
        long from = streams.awaitCommitted(warmup, total, deadline, progress, HOUR_CLOSE_DAYS_OPTION);
        long started = System.nanoTime();
        long streamCpu = streamThreadsCpuNanos();
        long processCpu = Throughput.processCpuNanos();
        long to = streams.awaitCommitted(total, total, deadline, progress, HOUR_CLOSE_DAYS_OPTION);
        double seconds = (System.nanoTime() - started) / 1e9;
        long stationHours = (to - from) / LoadOptions.AIR.size();
        if (stationHours <= 0) {
          throw new IllegalStateException("the hour-close run committed everything before it was timed; "
              + "raise --hour-close-days");
        }
        return new Result(stationHours / seconds, (streamThreadsCpuNanos() - streamCpu) / 1e3 / stationHours,
            (Throughput.processCpuNanos() - processCpu) / 1e3 / stationHours, stationHours);
      }
    }
  }

  /** CPU time of the bench application's stream threads alive now. */
  private static long streamThreadsCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) { // null: a thread that ended
      if (info != null && STREAM_THREAD.matcher(info.getThreadName()).matches()) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }
}
