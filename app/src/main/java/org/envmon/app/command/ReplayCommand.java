package org.envmon.app.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.FeedResult;
import org.envmon.app.runtime.ReplayFeed;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.replay.Pacing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envmon replay}: backfill CSV files into envmon.readings. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Backfill CSV files (plain or .gz; UCI Beijing Multi-Site layout or envmon's generic layout,",
        "see docs/ingest.md) into envmon.readings, with a progress bar and final counts."})
public final class ReplayCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, description = "A CSV file or a directory of them.")
  Path data;

  @Option(names = "--from", description = "First day, Beijing date (inclusive).")
  LocalDate from;

  @Option(names = "--to", description = "Last day, Beijing date (inclusive).")
  LocalDate to;

  @Option(names = "--speed", defaultValue = "max", description = "max, or N: replay N times faster than real time (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--bootstrap-servers", description = "Kafka to write to (default: kafka.bootstrap.servers of --config, else 127.0.0.1:9092).")
  String bootstrap;

  @Option(names = "--config", description = "Properties file (docs/configuration.md), for Kafka security settings and stations.file.")
  Path configFile;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(data)) {
      throw new IllegalArgumentException("--data " + data + " does not exist");
    }
    Map<String, String> overrides = new HashMap<>();
    if (bootstrap != null) {
      overrides.put(EnvmonConfig.KAFKA_BOOTSTRAP, bootstrap);
    }
    EnvmonConfig config = ConfigLoader.load(configFile, overrides);
    StationRegistry stations = StationRegistry.load(Path.of(config.getString(EnvmonConfig.STATIONS_FILE)));
    ReplayFeed feed = new ReplayFeed(data, from, to, Pacing.parse(speed), stations);
    System.out.println("envmon: " + feed.describe());
    FeedResult result = feed.run(config.kafkaClientProperties(), System.out);
    System.out.println("envmon: " + result.summary());
    return 0;
  }
}
