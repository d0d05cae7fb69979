package org.envmon.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the local {@code influxd} (InfluxDB 1.x, Debian package {@code influxdb}). */
final class InfluxdBinary {
  /** Overrides the PATH lookup, e.g. for a binary unpacked outside the PATH. */
  static final String ENV_OVERRIDE = "ENVMON_INFLUXD";

  private InfluxdBinary() {}

  /** The binary, or an error telling the developer how to get one. */
  static Path require() {
    return require(System.getenv());
  }

  static Path require(Map<String, String> env) {
    return find(env).orElseThrow(() -> new IllegalStateException(
        "influxd (InfluxDB 1.x) was not found" + (env.containsKey(ENV_OVERRIDE)
            ? " at " + ENV_OVERRIDE + "=" + env.get(ENV_OVERRIDE) : " on the PATH")
            + ". The real-InfluxDB tests need it: run scripts/test, which installs Debian's influxdb package"
            + " (or run 'apt-get install -y influxdb'), or point " + ENV_OVERRIDE + " at an influxd binary."
            + " Where Docker is available, the @RequiresDocker tests use TestContainers.influxDb2() instead."));
  }

  /** The binary named by {@value #ENV_OVERRIDE}, else the first executable {@code influxd} on the PATH. */
  static Optional<Path> find(Map<String, String> env) {
    String override = env.get(ENV_OVERRIDE);
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "influxd"))) {
        return Optional.of(Path.of(dir, "influxd"));
      }
    }
    return Optional.empty();
  }
}
