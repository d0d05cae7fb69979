package org.envmon.app.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.envmon.broker.FreePorts;

/**
 * An InfluxDB 1.x server ({@code influxd} from the PATH) for the sink and replay figures, on free
 * ports in a temporary directory; never the system instance. Stopped and deleted on close.
 */
final class InfluxdProcess implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private final Process process;
  private final BenchDirectory dir;
  private final String url;
  /** Stops influxd if the bench is interrupted (Ctrl-C) before {@link #close()}. */
  private final Thread stopOnExit;

  private InfluxdProcess(Process process, BenchDirectory dir, String url) {
    this.process = process;
    this.dir = dir;
    this.url = url;
    this.stopOnExit = new Thread(process::destroy, "bench-influxd-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** {@code influxd} on the PATH, if any. */
  static Optional<Path> binary() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, "influxd"))
        .filter(Files::isExecutable).findFirst();
  }

  /** Starts influxd and waits until it answers /ping. */
  static InfluxdProcess start(Path binary, Duration timeout) throws InterruptedException {
    BenchDirectory dir = BenchDirectory.create("envmon-bench-influxdb-");
    int[] ports = FreePorts.pickDistinct(HOST, 2);
    Path config = dir.path().resolve("influxdb.conf");
    Path log = dir.path().resolve("influxd.log");
    Process process;
    try {
      Files.writeString(config, config(dir.path(), ports[0], ports[1]));
      process = new ProcessBuilder(binary.toString(), "-config", config.toString()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      dir.close();
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    InfluxdProcess influxd = new InfluxdProcess(process, dir, "http://" + HOST + ":" + ports[0]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pings(http, influxd.url)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String tail = logTail(log);
        influxd.close();
        throw new IllegalStateException("influxd did not answer /ping within " + timeout + "; its log ends with:\n"
            + tail);
      }
      Thread.sleep(100);
    }
    return influxd;
  }

  String url() {
    return url;
  }

  private static boolean pings(HttpClient http, String url) throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    }
  }

  private static String logTail(Path log) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 2000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Everything below the directory, nothing reported, RPC off the default port 8088. */
  private static String config(Path dir, int httpPort, int rpcPort) {
    String d = dir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return """
        reporting-disabled = true
        bind-address = "%2$s:%4$d"
        [meta]
          dir = "%1$s/meta"
          logging-enabled = false
        [data]
          dir = "%1$s/data"
          wal-dir = "%1$s/wal"
          query-log-enabled = false
        [monitor]
          store-enabled = false
        [http]
          enabled = true
          bind-address = "%2$s:%3$d"
          auth-enabled = false
          log-enabled = false
        [logging]
          level = "warn"
          suppress-logo = true
        [continuous_queries]
          log-enabled = false
        """.formatted(d, HOST, httpPort, rpcPort);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook stops influxd
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    dir.close();
  }
}
