package org.envmon.sinks.influx.grafana;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.envmon.testkit.RepositoryFiles;

/** Locations of the repository's grafana/ files from the sinks module, and a standard context. */
final class GrafanaFiles {
  private GrafanaFiles() {}

  static Path dashboards() {
    return RepositoryFiles.root().resolve("grafana/dashboards");
  }

  static Path provisioning() {
    return RepositoryFiles.root().resolve("grafana/provisioning");
  }

  /** A context covering the sample records of the integration tests (January 2026). */
  static QueryContext context(String station, String district) {
    return new QueryContext(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
        "1h", Map.of("station", station, "district", district));
  }
}
