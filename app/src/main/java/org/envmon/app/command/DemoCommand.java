package org.envmon.app.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.DemoObserver;
import org.envmon.app.runtime.Feed;
import org.envmon.app.runtime.FeedResult;
import org.envmon.app.runtime.AlertDeliveries;
import org.envmon.app.runtime.IngestEndpoints;
import org.envmon.app.runtime.IngestPathsFeed;
import org.envmon.app.runtime.Pipeline;
import org.envmon.app.runtime.ReplayFeed;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.sinks.alerts.AlertDelivery;
import org.envmon.ingest.replay.Pacing;
import org.envmon.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code envmon demo}: the embedded default. An embedded KRaft broker, the whole pipeline in
 * this process, fed by the station simulator or a CSV replay, with alerts shown as they happen.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline on an embedded Kafka broker (no Docker), fed by envmon's station simulator",
        "or by a replay of CSV files (--data), showing alerts as they open and clear and a final summary."})
public final class DemoCommand implements Callable<Integer> {
  @Mixin
  BrokerOptionsMixin broker;

  @Option(names = "--once", description = "Exit 0 once the feed has been fully processed: every window closed, every sink flushed.")
  boolean once;

  @Option(names = "--days", defaultValue = "4", description = "Simulated days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "20260301", description = "Simulator seed; the same seed gives the same feed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", defaultValue = "2026-05-01", description = "First simulated day, Beijing time (default: ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(names = "--data", description = "Replay CSV files (plain or .gz) in the UCI Beijing Multi-Site layout from this directory instead of simulating.")
  Path data;

  @Option(names = "--from", description = "First day to replay, Beijing date (with --data).")
  LocalDate from;

  @Option(names = "--to", description = "Last day to replay, inclusive (with --data).")
  LocalDate to;

  @Option(names = "--stations", defaultValue = "config/stations.yaml", description = "Station registry (default: ${DEFAULT-VALUE}).")
  Path stationsFile;

  @Option(names = "--influx-url", description = "Also write to InfluxDB at this URL, e.g. http://127.0.0.1:8086.")
  String influxUrl;

  @Option(names = "--influx-api", defaultValue = "v2", description = "InfluxDB API: v1 or v2 (default: ${DEFAULT-VALUE}). v2 reads the token from $ENVMON_INFLUX_TOKEN.")
  String influxApi;

  @Option(names = "--as-year", description = "Judge replayed data against this year's plan targets (e.g. 2026), and say so.")
  Integer asYear;

  @Option(names = "--config", description = "Properties file with further settings (see docs/configuration.md); options given here win.")
  Path configFile;

  @Option(names = "--keep-data", description = "Keep the broker and streams data of the previous demo run instead of starting clean.")
  boolean keepData;

  @Option(names = "--hj212-port", defaultValue = "0", description = "Port of the HJ 212 receiver loggers can connect to; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int hj212Port;

  @Option(names = "--http-port", defaultValue = "0", description = "Port of the HTTP API (POST /api/v1/readings, /health, /metrics); 0 = any free port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--mqtt-url", description = "Also take readings from this MQTT broker (tcp://host:1883, topic envmon/stations/+/readings).")
  String mqttUrl;

  @Option(names = "--webhooks", description = "Webhook subscribers file (docs/alerts.md): each matching alert transition is POSTed, signed.")
  Path webhooks;

  @Option(names = "--partitions", defaultValue = "" + BrokerOptions.DEFAULT_PARTITIONS,
      description = "Partitions of the envmon topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--timeout", defaultValue = "PT30M", description = "With --once: give up if processing is not finished after this long (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    validate();
    StationRegistry stations = StationRegistry.load(stationsFile);
    if (!keepData) {
      deleteRecursively(broker.dataDir.resolve("kafka"));
      deleteRecursively(broker.dataDir.resolve("streams"));
    }
    out.printf("envmon demo: starting the embedded Kafka broker (data in %s)%n", broker.dataDir);
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(broker.toOptions(partitions))) {
      EnvmonConfig config = ConfigLoader.load(configFile, settings(kafka.bootstrapServers()));
      out.printf("envmon demo: Kafka at %s; starting the pipeline%n", kafka.bootstrapServers());
      StreamsSettings.Builder tuning = StreamsSettings.builder();
      try (Pipeline pipeline = Pipeline.start(config, stations, tuning, out);
           AlertDelivery alerts = AlertDeliveries.start(config, pipeline.meters());
           IngestEndpoints endpoints = IngestEndpoints.start(config, stations, pipeline.meters(), out);
           DemoObserver observer = new DemoObserver(config.kafkaClientProperties(), out, true).start()) {
        out.printf("envmon demo: %s%s%n", endpoints.describe(), alerts.httpAddress()
            .map(a -> "; alerts: curl -N http://127.0.0.1:" + a.getPort() + "/api/v1/alerts/stream").orElse(""));
        Feed feed = data != null ? new ReplayFeed(data, from, to, Pacing.max(), stations)
            : new IngestPathsFeed(seed, start, days, stations, endpoints);
        out.printf("envmon demo: feeding %s%n", feed.describe());
        FeedResult fed = feed.run(config.kafkaClientProperties(), out);
        out.printf("envmon demo: fed %s%s%n", fed.summary(),
            feed instanceof IngestPathsFeed paths ? " (" + paths.perPath() + ")" : "");
        if (!once) {
          out.println("envmon demo: the feed is done; the pipeline keeps running (Ctrl-C stops it). Results: "
              + whereToLook(kafka.bootstrapServers()));
          new CountDownLatch(1).await();
        }
        out.println("envmon demo: waiting until every window is closed and every sink has flushed...");
        pipeline.awaitQuiescent(timeout, lag -> { });
        observer.awaitDrained(Duration.ofSeconds(60));
        printSummary(out, fed, observer.counts(), kafka.bootstrapServers());
      }
    }
    return 0;
  }

  private void validate() {
    if (data == null && (from != null || to != null)) {
      throw new IllegalArgumentException("--from and --to go with --data DIR (a replay); the simulator uses --start and --days");
    }
    if (data != null && !Files.isDirectory(data)) {
      throw new IllegalArgumentException("--data " + data + " is not a directory; point it at the folder with the PRSA_Data_*.csv(.gz) files");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("--days must be between 1 and 366, not " + days);
    }
    if (!influxApi.equals("v1") && !influxApi.equals("v2")) {
      throw new IllegalArgumentException("--influx-api must be v1 or v2, not " + influxApi);
    }
  }

  private Map<String, String> settings(String bootstrap) {
    Map<String, String> s = new HashMap<>();
    s.put(EnvmonConfig.KAFKA_BOOTSTRAP, bootstrap);
    s.put(EnvmonConfig.TOPIC_PARTITIONS, Integer.toString(partitions));
    s.put(EnvmonConfig.STREAMS_STATE_DIR, broker.dataDir.resolve("streams").toString());
    s.put(EnvmonConfig.STREAMS_COMMIT_INTERVAL_MS, "200");
    s.put(EnvmonConfig.STATIONS_FILE, stationsFile.toString());
    s.put(EnvmonConfig.HJ212_PORT, Integer.toString(hj212Port));
    s.put(EnvmonConfig.HTTP_PORT, Integer.toString(httpPort));
    if (mqttUrl != null) {
      s.put(EnvmonConfig.MQTT_URL, mqttUrl);
    }
    if (webhooks != null) {
      s.put(EnvmonConfig.ALERTS_WEBHOOKS_FILE, webhooks.toString());
    }
    if (influxUrl != null) {
      s.put(EnvmonConfig.INFLUX_URL, influxUrl);
      s.put(EnvmonConfig.INFLUX_API, influxApi);
    }
    if (asYear != null) {
      s.put(EnvmonConfig.STREAMS_AS_YEAR, asYear.toString());
    }
    return s;
  }

  private void printSummary(PrintStream out, FeedResult fed, Map<String, Long> counts, String bootstrap) {
    out.println();
    out.println("envmon demo: summary");
    out.printf("  %-34s %s%n", "feed", fed.summary());
    counts.forEach((k, v) -> out.printf("  %-34s %,d%n", k, v));
    out.println();
    if (influxUrl != null) {
      out.printf("Results are in InfluxDB at %s (%s API): measurements hourly, rolling, daily, aqi, alerts, plan_progress.%n",
          influxUrl, influxApi);
      out.println("See docs/influxdb-schema.md for the schema and example queries.");
    } else {
      out.println("No InfluxDB configured (--influx-url): " + whereToLook(bootstrap));
    }
  }

  private static String whereToLook(String bootstrap) {
    return "the results are in the Kafka topics envmon.hourly, envmon.aggregates, envmon.aqi, envmon.alerts and "
        + "envmon.plan-progress on " + bootstrap + " (./envmon broker serves them again from ./data/kafka; "
        + "add --influx-url to store them in InfluxDB for Grafana).";
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
