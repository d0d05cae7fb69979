package org.envmon.app.command;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.AlertDeliveries;
import org.envmon.app.runtime.IngestEndpoints;
import org.envmon.app.runtime.IngestPathsFeed;
import org.envmon.app.runtime.Pipeline;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.sinks.alerts.AlertDelivery;
import org.envmon.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envmon run}: the production shape against an external Kafka and InfluxDB. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run ingest endpoints, the streams application and the sinks against an external Kafka (and InfluxDB), until stopped.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "Properties file; every key is documented in docs/configuration.md.")
  Path configFile;

  @Option(names = "--simulate", defaultValue = "0", description = "Also feed N days of the station simulator through the ingest endpoints once started (docker compose uses this); 0 = off.")
  int simulateDays;

  @Option(names = "--seed", defaultValue = "20260301", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", defaultValue = "2026-05-01", description = "First simulated day (default: ${DEFAULT-VALUE}).")
  java.time.LocalDate start;

  @Override
  public Integer call() throws Exception {
    EnvmonConfig config = ConfigLoader.load(configFile, Map.of());
    StationRegistry stations = StationRegistry.load(Path.of(config.getString(EnvmonConfig.STATIONS_FILE)));
    Pipeline pipeline = Pipeline.start(config, stations, StreamsSettings.builder(), System.out);
    AlertDelivery alerts = AlertDeliveries.start(config, pipeline.meters());
    IngestEndpoints endpoints = IngestEndpoints.start(config, stations, pipeline.meters(), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoints.close();
      alerts.close();
      pipeline.close();
    }, "envmon-shutdown"));
    System.out.println("envmon: running; " + endpoints.describe()
        + alerts.httpAddress().map(a -> "; alerts API on http://" + a.getHostString() + ":" + a.getPort()).orElse("")
        + ". Ctrl-C stops it.");
    if (simulateDays > 0) {
      IngestPathsFeed feed = new IngestPathsFeed(seed, start, simulateDays, stations, endpoints);
      System.out.println("envmon: feeding " + feed.describe());
      System.out.println("envmon: fed " + feed.run(config.kafkaClientProperties(), System.out).summary());
    }
    new CountDownLatch(1).await();
    return 0;
  }
}
