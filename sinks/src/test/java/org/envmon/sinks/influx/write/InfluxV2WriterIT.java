package org.envmon.sinks.influx.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.envmon.sinks.influx.FreePort;
import org.envmon.testkit.VictoriaMetricsServer;
import org.envmon.sinks.influx.SampleRecords;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.point.PointMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 writer (influxdb-client-java, /api/v2/write, gzip) against a real server implementing
 * that endpoint: VictoriaMetrics from Debian's {@code victoria-metrics} package (InfluxDB 2.x is
 * not packaged for Debian; {@link InfluxV2ContainerIT} covers InfluxDB 2 where Docker exists).
 */
class InfluxV2WriterIT {
  private static final Instant HOUR = Instant.parse("2026-01-15T04:00:00Z");
  private final PointMapper mapper = SampleRecords.mapper();

  private List<LinePoint> samplePoints() {
    return SampleRecords.at(HOUR).stream().flatMap(r -> mapper.map(r).stream()).toList();
  }

  static InfluxV2Writer writer(String url, String token) {
    return new InfluxV2Writer(InfluxV2Options.builder().url(url).org("envmon").bucket("envmon")
        .token(Secret.of(token)).timeout(Duration.ofSeconds(5)).build());
  }

  @Test
  void writesThroughApiV2WriteAndReWritingOverwrites(@TempDir Path dir) throws Exception {
    Path binary = VictoriaMetricsServer.binary().orElse(null);
    Assumptions.assumeTrue(binary != null, "victoria-metrics is not installed (apt-get install"
        + " victoria-metrics); it is the only /api/v2/write server available without Docker");
    Path data = Files.createDirectory(dir.resolve("vm"));
    try (VictoriaMetricsServer vm = VictoriaMetricsServer.start(binary, data);
         InfluxV2Writer writer = writer(vm.url(), "token-not-checked")) {
      writer.write(samplePoints());
      writer.write(samplePoints());
      await("points searchable").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> vm.export("{__name__=\"hourly_value\"}").lines().count() == 7);
      assertThat(vm.export("{__name__=\"hourly_value\",station=\"Dongsi\",parameter=\"PM2_5\",district=\"东城\",medium=\"air\"}"))
          .isEqualTo("{\"metric\":{\"__name__\":\"hourly_value\",\"district\":\"东城\",\"medium\":\"air\","
              + "\"parameter\":\"PM2_5\",\"station\":\"Dongsi\"},\"values\":[35.5],\"timestamps\":["
              + HOUR.toEpochMilli() + "]}\n");
      assertThat(vm.export("{__name__=\"aqi_aqi\"}").lines()).hasSize(2)
          .allSatisfy(line -> assertThat(line).containsPattern("\"values\":\\[[0-9]+\\],"));
      assertThat(vm.export("{__name__=\"daily_value\"}").lines()).hasSize(3)
          .allSatisfy(line -> assertThat(line).containsPattern("\"values\":\\[[0-9.]+\\],"));
    }
  }

  @Test
  void unreachableServerIsRetryable() {
    String nobody = "http://127.0.0.1:" + FreePort.pick();
    List<LinePoint> points = samplePoints();
    try (InfluxV2Writer writer = writer(nobody, "t")) {
      assertThatThrownBy(() -> writer.write(points)).isInstanceOfSatisfying(InfluxWriteException.class, e -> {
        assertThat(e.kind()).isEqualTo(InfluxWriteException.Kind.RETRYABLE);
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains(nobody);
      });
    }
  }
}
