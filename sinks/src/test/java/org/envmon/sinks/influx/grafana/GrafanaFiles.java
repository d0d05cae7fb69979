package org.envmon.sinks.influx.grafana;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Locations of the repository's grafana/ files from the sinks module, and a standard context. */
final class GrafanaFiles {
  private GrafanaFiles() {}

  /** The repository root: tests run with the module directory as working directory. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("grafana"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no grafana/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path dashboards() {
    return repositoryRoot().resolve("grafana/dashboards");
  }

  static Path provisioning() {
    return repositoryRoot().resolve("grafana/provisioning");
  }

  /** A context covering the sample records of the integration tests (January 2026). */
  static QueryContext context(String station, String district) {
    return new QueryContext(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
        "1h", Map.of("station", station, "district", district));
  }
}
