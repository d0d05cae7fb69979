package org.envmon.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.envmon.app.EnvmonCli;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.WithInfluxDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code envmon demo --once} as an operator runs it: its own embedded broker, the simulator, the
 * whole pipeline, into a real InfluxDB through the v1 API, exit 0 with a summary.
 */
@WithInfluxDb
class DemoCommandIT {

  @Test
  void demoOnceFillsInfluxAndPrintsASummary(InfluxDbServer influx, @TempDir Path dataDir, @TempDir Path conf)
      throws Exception {
    String db = E2e.uniqueDatabase("demo");
    Path properties = conf.resolve("envmon.properties");
    Files.writeString(properties, "influx.database=" + db + "\n");

    CommandLine cli = EnvmonCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    int exit;
    // The demo prints to System.out (progress bars and the summary), not to picocli's writer.
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = cli.execute("demo", "--once", "--days", "2", "--start", "2026-01-05",
          "--kafka-port", "0", "--controller-port", "0", "--data-dir", dataDir.toString(),
          "--stations", E2e.stationsFile().toString(),
          "--config", properties.toString(), "--timeout", "PT3M",
          "--influx-url", influx.url(), "--influx-api", "v1");
    } finally {
      System.setOut(originalOut);
    }
    String out = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).as("exit code; stderr: %s%nstdout: %s", err, out).isZero();
    assertThat(out).contains("envmon demo: summary")
        .contains("readings sent")
        .contains("Results are in InfluxDB at " + influx.url() + " (v1 API)");
    for (String measurement : List.of("daily", "aqi", "alerts")) {
      List<Map<String, Object>> rows = influx.query(db, "SELECT count(*) FROM \"" + measurement + "\"");
      assertThat(rows).as("points in %s after the demo; stdout: %s", measurement, out).isNotEmpty();
      assertThat(rows.get(0).entrySet()).as("counts in %s", measurement)
          .anySatisfy(e -> {
            assertThat(e.getKey()).startsWith("count_");
            assertThat(e.getValue()).isInstanceOf(Number.class);
            assertThat(((Number) e.getValue()).longValue()).isPositive();
          });
    }
    // Both simulated days (2026-01-05 and -06, Beijing) have daily AQI points at their UTC day starts.
    assertThat(influx.query(db, "SELECT \"aqi\", \"station\" FROM \"aqi\" WHERE \"period\" = 'day'"))
        .extracting(r -> r.get("time")).contains("2026-01-04T16:00:00Z", "2026-01-05T16:00:00Z");
  }
}
