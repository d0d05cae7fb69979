package org.envmon.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.FeedResult;
import org.envmon.app.runtime.Pipeline;
import org.envmon.app.runtime.ReplayFeed;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.replay.Pacing;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.StreamsSettings;

/**
 * The full Beijing replay end to end, as {@code envmon demo --data DIR --once --influx-url URL
 * --influx-api v1} runs it, on a broker of its own (so the load of the other figures is not in
 * its topics): the wall time from the first reading sent until every window is closed and the
 * InfluxDB sink has written everything.
 */
final class ReplayBench {
  static final String DATABASE = "bench_replay";

  private ReplayBench() {}

  /**
   * @param readings readings the replay sent
   * @param wall     from the first reading sent to the pipeline being quiescent, or to giving up
   * @param left     records the pipeline had not yet processed when it gave up; 0 when it finished
   * @param consumed readings the streams application had committed when it finished or gave up
   */
  record Result(long readings, Duration wall, long left, long consumed) {
    boolean finished() {
      return left == 0;
    }


    double perSecond() {
      return readings / Math.max(wall.toNanos() / 1e9, 1e-9);
    }
  }

  /** Replays and waits at most {@code timeout} after the feed for the pipeline to finish. */
  static Result run(Path data, Path stationsFile, String influxUrl, Duration commitInterval, int threads,
                    Duration timeout, PrintStream out) throws InterruptedException {
    try (BenchDirectory dir = BenchDirectory.create("envmon-bench-replay-");
         EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(BrokerOptions.builder()
             .dataDir(dir.path().resolve("kafka")).brokerPort(0).controllerPort(0).build())) {
      Map<String, String> settings = new HashMap<>();
      settings.put(EnvmonConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
      settings.put(EnvmonConfig.STREAMS_STATE_DIR, dir.path().resolve("streams").toString());
      settings.put(EnvmonConfig.STREAMS_COMMIT_INTERVAL_MS, Long.toString(commitInterval.toMillis()));
      settings.put(EnvmonConfig.STREAMS_THREADS, Integer.toString(threads));
      settings.put(EnvmonConfig.STATIONS_FILE, stationsFile.toString());
      settings.put(EnvmonConfig.INFLUX_URL, influxUrl);
      settings.put(EnvmonConfig.INFLUX_API, "v1");
      settings.put(EnvmonConfig.INFLUX_DATABASE, DATABASE);
      EnvmonConfig config = ConfigLoader.load(null, settings);
      StationRegistry stations = StationRegistry.load(stationsFile);
      try (Pipeline pipeline = Pipeline.start(config, stations, StreamsSettings.builder(), out)) {
        ReplayFeed feed = new ReplayFeed(data, null, null, Pacing.max(), stations);
        out.println("  replay: " + feed.describe());
        long started = System.nanoTime();
        FeedResult fed = feed.run(config.kafkaClientProperties(), out);
        out.println("  replay: fed " + fed.summary() + "; waiting until every window is closed and InfluxDB written");
        ProgressLine progress = new ProgressLine(out, "replay: records not yet processed");
        AtomicLong left = new AtomicLong(-1);
        try {
          pipeline.awaitQuiescent(timeout, lag -> {
            left.set(lag);
            progress.remaining(lag);
          });
          left.set(0);
        } catch (TimeoutException e) {
          out.println("  replay: gave up after " + timeout + " with " + left.get() + " records not yet processed");
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        return new Result(fed.sent(), wall, left.get(), committedReadings(kafka.bootstrapServers(),
            config.getString(EnvmonConfig.STREAMS_APPLICATION_ID)));
      }
    }
  }

  /** Readings the streams application has committed: how far an unfinished replay got. */
  private static long committedReadings(String bootstrap, String applicationId) throws InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(e -> e.getKey().topic().equals(Topics.READINGS.name()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the committed offsets of " + applicationId + ": " + e.getCause(), e);
    }
  }
}
