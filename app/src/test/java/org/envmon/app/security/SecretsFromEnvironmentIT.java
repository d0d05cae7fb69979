package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envmon.app.EnvmonCli;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code *.env} way to give a secret, end to end. A test cannot set its own process's
 * environment, so {@code envmon demo --once} runs here as a child JVM (the built application)
 * whose environment holds the password of a real InfluxDB 1.x with authentication on, under the
 * default variable name {@code ENVMON_INFLUX_PASSWORD}. The points arrive only with the right
 * password, and the password appears nowhere in the child's output (its log and console).
 * {@link SecretsNotLoggedIT} covers the {@code *.file} way for every secret.
 */
class SecretsFromEnvironmentIT {
  private static final String INFLUX_USER = "envmon-env-writer";
  private static final String INFLUX_PASSWORD = "influx-env-pw-4f83c1";

  @TempDir
  Path dir;

  @Test
  void anInfluxV1PasswordFromTheEnvironmentIsUsedAndStaysOutOfTheOutput() throws Exception {
    Path root = RepositoryFiles.root();
    Path properties = Files.writeString(dir.resolve("demo.properties"), EnvmonConfig.INFLUX_USERNAME + "="
        + INFLUX_USER + "\ningest.hj212.port=0\ningest.http.port=0\n", StandardCharsets.UTF_8);
    Path output = dir.resolve("demo.out");
    try (InfluxDbServer influx = InfluxDbServer.launchWithAdmin(INFLUX_USER, INFLUX_PASSWORD)) {
      ProcessBuilder child = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
          root.resolve("app/target/classes") + File.pathSeparator + root.resolve("app/target/lib") + File.separator
              + "*", EnvmonCli.class.getName(),
          "demo", "--once", "--days", "1", "--kafka-port", "0", "--controller-port", "0",
          "--data-dir", dir.resolve("data").toString(), "--stations", root.resolve("config/stations.yaml").toString(),
          "--config", properties.toString(), "--timeout", "PT3M",
          "--influx-url", influx.url(), "--influx-api", "v1"))
          .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
      child.environment().put("ENVMON_INFLUX_PASSWORD", INFLUX_PASSWORD);
      Process demo = child.start();
      boolean ended = demo.waitFor(4, TimeUnit.MINUTES);
      if (!ended) {
        demo.destroyForcibly();
      }
      String everything = Files.readString(output, StandardCharsets.UTF_8);

      assertThat(ended).as("the demo ended within 4 minutes; output: %s", everything).isTrue();
      assertThat(demo.exitValue()).as("demo exit code; output: %s", everything).isZero();
      assertThat(influx.query("envmon", "SELECT count(*) FROM \"hourly\""))
          .as("points written with the password from ENVMON_INFLUX_PASSWORD").isNotEmpty();
      assertThat(everything).as("the child's output").contains("envmon demo: summary");
      assertThat(everything).as("InfluxDB 1.x password from the environment").doesNotContain(INFLUX_PASSWORD);
    }
  }
}
