package org.envmon.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.envmon.broker.FreePorts;

/**
 * A real InfluxDB 1.x server ({@code influxd} from the PATH) on its own free ports and in its own
 * temporary directory, never the system instance on 8086. It can be stopped and started again on
 * the same ports and data, e.g. to test that a sink survives InfluxDB going away.
 *
 * <pre>{@code
 * try (InfluxDbServer influx = InfluxDbServer.launch()) {
 *   influx.createDatabase("envmon");
 *   influx.write("envmon", "hourly,station=Aotizhongxin,parameter=PM2_5 value=42 1356998400000000000");
 *   List<Map<String, Object>> rows = influx.query("envmon", "SELECT value FROM hourly");
 * }
 * }</pre>
 */
public final class InfluxDbServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 3;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path binary;
  private final Path dir;
  private final Path configFile;
  private final Path logFile;
  private final int httpPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;
  /** The Authorization header of this class's own requests, once an admin user exists. */
  private volatile String basicAuth;

  private InfluxDbServer(Path binary, Path dir, int httpPort, int rpcPort, boolean authEnabled) throws IOException {
    this.binary = binary;
    this.dir = dir;
    this.httpPort = httpPort;
    this.configFile = dir.resolve("influxdb.conf");
    this.logFile = dir.resolve("influxd.log");
    Files.writeString(configFile, InfluxDbConfig.render(dir, HOST, httpPort, rpcPort, authEnabled));
  }

  /**
   * Starts a new server in a fresh temporary directory on free ports and waits until it answers.
   *
   * @throws IllegalStateException when {@code influxd} is missing (the message says how to install
   *                               it) or the server does not come up
   */
  public static InfluxDbServer launch() {
    return launch(false);
  }

  /**
   * As {@link #launch()}, with authentication on and one admin user: every request then needs
   * {@code user} and {@code password} (this class's own queries send them).
   */
  public static InfluxDbServer launchWithAdmin(String user, String password) {
    InfluxDbServer server = launch(true);
    try {
      // With no user yet, InfluxDB 1.x takes the creation of the first admin without credentials.
      server.execute(null, "CREATE USER " + quoteIdentifier(user) + " WITH PASSWORD '"
          + password.replace("\\", "\\\\").replace("'", "\\'") + "' WITH ALL PRIVILEGES");
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    server.basicAuth = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return server;
  }

  private static InfluxDbServer launch(boolean authEnabled) {
    Path binary = InfluxdBinary.require();
    for (int attempt = 1; ; attempt++) {
      InfluxDbServer server = prepare(binary, authEnabled);
      try {
        server.start();
        return server;
      } catch (IllegalStateException e) {
        server.close();
        // A port picked as free can be taken before influxd binds it; new ports fix that.
        boolean portRace = e.getMessage().contains("address already in use");
        if (!portRace || attempt == PORT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static InfluxDbServer prepare(Path binary, boolean authEnabled) {
    try {
      Path dir = Files.createTempDirectory("envmon-influxdb-");
      int[] ports = FreePorts.pickDistinct(HOST, 2);
      return new InfluxDbServer(binary, dir, ports[0], ports[1], authEnabled);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a temporary directory for influxd", e);
    }
  }

  /** Base URL of the HTTP API, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://" + HOST + ":" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** (Re)starts influxd on the same ports and data directory; no-op if it is running. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    try {
      process = new ProcessBuilder(binary.toString(), "-config", configFile.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    Process started = process;
    try {
      Awaitility.await("influxd answering /ping at " + url())
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> {
            if (!started.isAlive()) {
              throw new IllegalStateException("influxd exited with code " + started.exitValue()
                  + " while starting; its log " + logFile + " ends with:\n" + logTail());
            }
            return pings();
          });
    } catch (ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException("influxd did not answer " + url() + "/ping within " + START_TIMEOUT.toSeconds()
          + " s; its log " + logFile + " ends with:\n" + logTail(), e);
    }
  }

  /** Stops influxd (SIGTERM, then SIGKILL after a grace period); its data stays for {@link #start()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    TempDirs.deleteRecursively(dir);
  }

  /** Creates the database unless it exists. */
  public void createDatabase(String database) {
    execute(null, "CREATE DATABASE " + quoteIdentifier(database));
  }

  /** Writes line protocol with nanosecond timestamps; fails with InfluxDB's reason on a rejected write. */
  public void write(String database, String lineProtocol) {
    write(database, lineProtocol, "ns");
  }

  /** Writes line protocol whose timestamps have the given precision (ns, u, ms, s, m, h). */
  public void write(String database, String lineProtocol, String precision) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            URI.create(url() + "/write?db=" + encode(database) + "&precision=" + encode(precision)))
        .POST(HttpRequest.BodyPublishers.ofString(lineProtocol, StandardCharsets.UTF_8)));
    if (response.statusCode() != 204) {
      throw new IllegalStateException("InfluxDB rejected the write to " + database + " (HTTP "
          + response.statusCode() + "): " + response.body());
    }
  }

  /**
   * Runs InfluxQL and returns one map per row: the series' tags (when grouped by tags) followed by
   * its columns, in order. Times are RFC 3339 strings such as {@code 2017-03-01T00:00:00Z}.
   */
  public List<Map<String, Object>> query(String database, String influxql) {
    JsonNode body = execute(database, influxql);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode result : body.path("results")) {
      for (JsonNode series : result.path("series")) {
        Map<String, Object> tags = new LinkedHashMap<>();
        series.path("tags").properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText()));
        List<String> columns = new ArrayList<>();
        series.path("columns").forEach(c -> columns.add(c.asText()));
        for (JsonNode values : series.path("values")) {
          Map<String, Object> row = new LinkedHashMap<>(tags);
          Iterator<JsonNode> it = values.elements();
          for (String column : columns) {
            row.put(column, JSON.convertValue(it.next(), Object.class));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private JsonNode execute(String database, String influxql) {
    String form = "q=" + encode(influxql) + (database == null ? "" : "&db=" + encode(database));
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/query"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("InfluxDB answered '" + influxql + "' with HTTP " + response.statusCode()
          + " and a body that is not JSON: " + response.body(), e);
    }
    String error = body.path("error").asText(null);
    for (JsonNode result : body.path("results")) {
      if (error == null) {
        error = result.path("error").asText(null);
      }
    }
    if (response.statusCode() != 200 || error != null) {
      throw new IllegalStateException("InfluxDB rejected '" + influxql + "' (HTTP " + response.statusCode() + "): "
          + (error != null ? error : response.body()));
    }
    return body;
  }

  private boolean pings() {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (basicAuth != null) {
      request.header("Authorization", basicAuth);
    }
    try {
      return http.send(request.timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach InfluxDB at " + url() + (isRunning() ? "" : " (it is stopped)")
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to InfluxDB at " + url(), e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
