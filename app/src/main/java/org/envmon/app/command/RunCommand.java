package org.envmon.app.command;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.IngestEndpoints;
import org.envmon.app.runtime.Pipeline;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envmon run}: the production shape against an external Kafka and InfluxDB. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run ingest endpoints, the streams application and the sinks against an external Kafka (and InfluxDB), until stopped.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "Properties file; every key is documented in docs/configuration.md.")
  Path configFile;

  @Override
  public Integer call() throws Exception {
    EnvmonConfig config = ConfigLoader.load(configFile, Map.of());
    StationRegistry stations = StationRegistry.load(Path.of(config.getString(EnvmonConfig.STATIONS_FILE)));
    Pipeline pipeline = Pipeline.start(config, stations, StreamsSettings.builder(), System.out);
    IngestEndpoints endpoints = IngestEndpoints.start(config, stations, pipeline.meters(), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoints.close();
      pipeline.close();
    }, "envmon-shutdown"));
    System.out.println("envmon: running; " + endpoints.describe() + ". Ctrl-C stops it.");
    new CountDownLatch(1).await();
    return 0;
  }
}
