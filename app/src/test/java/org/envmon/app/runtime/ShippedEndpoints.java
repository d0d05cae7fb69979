package org.envmon.app.runtime;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.testkit.RepositoryFiles;

/** The ingest endpoints of {@code envmon run} for tests: the shipped registry, its own meters, no console. */
final class ShippedEndpoints {
  private ShippedEndpoints() {}

  static IngestEndpoints start(EnvmonConfig config) throws IOException, InterruptedException {
    StationRegistry stations = StationRegistry.load(RepositoryFiles.root().resolve("config/stations.yaml"));
    return IngestEndpoints.start(config, stations, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
