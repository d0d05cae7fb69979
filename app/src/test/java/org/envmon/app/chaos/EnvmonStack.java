package org.envmon.app.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.envmon.app.runtime.Pipeline;
import org.envmon.app.runtime.PipelineQuiescence;
import org.envmon.app.runtime.StreamsSourceTopics;
import org.envmon.broker.FreePorts;
import org.envmon.schemas.topics.Topic;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.envmon.sinks.influx.sink.InfluxSinkOptions;

/**
 * One envmon deployment as separate OS processes: the embedded broker ({@code envmon broker}) on
 * its own ports and data directory, and the streams application with the InfluxDB sink
 * ({@code envmon run --config}) writing to one InfluxDB database. Feeds come from
 * {@code envmon replay} processes.
 */
final class EnvmonStack implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final String STREAMS_APPLICATION_ID = "envmon";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final String BROKER_READY = "envmon: Kafka broker running at";
  private static final String RUN_READY = "envmon: running;";
  private static final Duration LAG_REPORT_INTERVAL = Duration.ofSeconds(30);

  private final String name;
  private final Path repoRoot;
  private final Path build;
  private final Path dir;
  private final String bootstrap;
  private final EnvmonProcess broker;
  private final EnvmonProcess run;
  private int replays;

  /**
   * @param build    the application under test (see {@link AppBuild})
   * @param dir      the stack's own directory: broker data, streams state, config, logs
   * @param influxUrl InfluxDB 1.x base URL; {@code database} is created by the sink
   */
  EnvmonStack(String name, Path repoRoot, Path build, Path dir, String influxUrl, String database)
      throws IOException {
    this.name = name;
    this.repoRoot = repoRoot;
    this.build = build;
    this.dir = Files.createDirectories(dir);
    int[] ports = FreePorts.pickDistinct(HOST, 2);
    this.bootstrap = HOST + ":" + ports[0];
    this.broker = new EnvmonProcess(name + "-broker", repoRoot, build, dir, "512m", List.of("broker",
        "--data-dir", dir.resolve("broker").toString(), "--kafka-port", String.valueOf(ports[0]),
        "--controller-port", String.valueOf(ports[1])));
    Path config = dir.resolve("envmon.properties");
    Files.writeString(config, String.join("\n",
        "kafka.bootstrap.servers=" + bootstrap,
        // A SIGKILLed instance never leaves its group; a short session lets its successor take over sooner.
        "kafka.session.timeout.ms=10000",
        "stations.file=" + repoRoot.resolve("config/stations.yaml"),
        "streams.application.id=" + STREAMS_APPLICATION_ID,
        "streams.state.dir=" + dir.resolve("streams-state"),
        "influx.url=" + influxUrl,
        "influx.api=v1",
        "influx.database=" + database,
        "ingest.hj212.port=-1",
        "ingest.http.port=-1",
        "ingest.kafka.raw.enabled=false",
        ""), StandardCharsets.UTF_8);
    this.run = new EnvmonProcess(name + "-run", repoRoot, build, dir, "768m", List.of("run", "--config", config.toString()));
  }

  String bootstrap() {
    return bootstrap;
  }

  void startBroker() {
    broker.start().awaitLog(BROKER_READY, START_TIMEOUT);
  }

  /** SIGKILLs the broker and starts it again on the same ports and data. */
  void killAndRestartBroker() throws InterruptedException {
    broker.kill();
    startBroker();
  }

  /** Starts {@code envmon run} and waits until its streams application is running. */
  void startRun() {
    run.start().awaitLog(RUN_READY, START_TIMEOUT);
  }

  /** SIGKILLs {@code envmon run}: no shutdown hook, no commit, no flush. */
  void killRun() throws InterruptedException {
    run.kill();
  }

  /** Starts {@code envmon replay} of {@code data} between the Beijing dates, at {@code speed} (max or N). */
  EnvmonProcess startReplay(Path data, LocalDate from, LocalDate to, String speed) {
    return new EnvmonProcess(name + "-replay-" + (++replays), repoRoot, build, dir, "512m", List.of("replay",
        "--data", data.toString(), "--from", from.toString(), "--to", to.toString(), "--speed", speed,
        "--bootstrap-servers", bootstrap)).start();
  }

  /**
   * Waits until the streams application and the InfluxDB sink have consumed everything on their
   * input topics and no topic grows any more; prints the remaining lag every 30 s.
   */
  void awaitProcessed(Duration timeout) throws InterruptedException, TimeoutException {
    if (!run.isAlive()) {
      throw new IllegalStateException("envmon run of " + name + " is not running; its log " + run.log()
          + " ends with:\n" + run.logTail());
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      // the topics the topology reads, its repartition topics included: the same shape whatever the settings
      Set<String> streamsInputs = StreamsSourceTopics.of(
          EnvmonTopology.build(StreamsSettings.builder().forTests().build()), STREAMS_APPLICATION_ID);
      Map<String, Set<String>> groups = new HashMap<>();
      groups.put(STREAMS_APPLICATION_ID, streamsInputs);
      groups.put(Pipeline.INFLUX_SINK_GROUP, InfluxSinkOptions.WRITABLE_TOPICS.stream().map(Topic::name)
          .collect(Collectors.toSet()));
      new PipelineQuiescence(admin, groups, Duration.ofSeconds(1), 5).await(timeout, lagReporter());
    }
  }

  private Consumer<Long> lagReporter() {
    long[] lastReport = {System.nanoTime()};
    return lag -> {
      if (System.nanoTime() - lastReport[0] > LAG_REPORT_INTERVAL.toNanos()) {
        lastReport[0] = System.nanoTime();
        ChaosRunIT.log(name + ": " + lag + " records still to process");
      }
    };
  }

  @Override
  public void close() {
    run.close();
    broker.close();
    // Hundreds of MB per run; the logs, which explain a failure, stay.
    Directories.deleteRecursively(dir.resolve("broker"));
    Directories.deleteRecursively(dir.resolve("streams-state"));
  }
}
