package org.envmon.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.envmon.broker.FreePorts;

/**
 * A real VictoriaMetrics server (Debian package {@code victoria-metrics}), which implements the
 * InfluxDB 2.x write endpoint {@code /api/v2/write}. Deduplication per series and timestamp is on,
 * as InfluxDB's point identity would have it.
 */
public final class VictoriaMetricsServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private VictoriaMetricsServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The binary on the PATH, if installed. */
  public static Optional<Path> binary() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Path.of(dir, "victoria-metrics")).filter(Files::isExecutable).findFirst();
  }

  public static VictoriaMetricsServer start(Path binary, Path dataDir) throws IOException {
    int port = FreePorts.pickDistinct(HOST, 1)[0];
    Process process = new ProcessBuilder(binary.toString(), "-httpListenAddr=" + HOST + ":" + port,
        "-storageDataPath=" + dataDir, "-retentionPeriod=100y", "-dedup.minScrapeInterval=1ms")
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
        .start();
    VictoriaMetricsServer server = new VictoriaMetricsServer(process, port);
    await("victoria-metrics answering /health").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100)).until(server::healthy);
    return server;
  }

  public String url() {
    return "http://" + HOST + ":" + port;
  }

  /** Raw samples of the series matching a selector, one JSON line per series (/api/v1/export). */
  public String export(String selector) throws IOException, InterruptedException {
    URI uri = URI.create(url() + "/api/v1/export?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  private boolean healthy() {
    if (!process.isAlive()) {
      throw new IllegalStateException("victoria-metrics exited with code " + process.exitValue());
    }
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
