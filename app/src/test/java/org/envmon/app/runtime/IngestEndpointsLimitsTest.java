package org.envmon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.ingest.hj212.Hj212Crc;
import org.junit.jupiter.api.Test;

/**
 * The per-station limit keys, and the HTTP request timeout, reach the endpoints {@code envmon run} starts. No Kafka is needed:
 * an HJ 212 time-calibration request (1013) is answered without publishing anything, and an HTTP
 * station whose bucket is empty is refused before anything would be published. The broker
 * address is unreachable and {@code max.block.ms} short, so the one publish attempt fails fast.
 */
class IngestEndpointsLimitsTest {
  private static final String DONGSI_MN = "110101A0001"; // config/stations.yaml, demo PW 123456

  @Test
  void theConfiguredStationLimitsApplyToHj212AndHttp() throws Exception {
    EnvmonConfig config = ConfigLoader.load(null, Map.of(
        EnvmonConfig.KAFKA_BOOTSTRAP, "127.0.0.1:1",
        "kafka.max.block.ms", "200",
        EnvmonConfig.RAW_TOPIC_ENABLED, "false",
        EnvmonConfig.HJ212_STATION_MAX_CONNECTIONS, "1",
        EnvmonConfig.HJ212_STATION_RATE, "0.01",
        EnvmonConfig.HJ212_STATION_BURST, "1",
        EnvmonConfig.HTTP_STATION_RATE, "0.01",
        EnvmonConfig.HTTP_STATION_BURST, "1"));
    try (IngestEndpoints endpoints = ShippedEndpoints.start(config);
         Socket first = logger(endpoints); Socket second = logger(endpoints)) {
      send(first, 1);
      assertThat(readLine(first)).contains("CN=9013");
      send(second, 2);
      assertThat(closedByServer(first)).as("with 1 connection allowed, a second one closes the first").isTrue();
      assertThat(readLine(second)).as("burst 1 at 0.01/s: the second connection's packet waits 100 s").isNull();

      HttpClient http = HttpClient.newHttpClient();
      HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.httpAddress().getPort()
              + "/api/v1/readings")).header("Authorization", "Bearer demo-Dongsi")
          .POST(HttpRequest.BodyPublishers.ofString("not json")).build();
      // The unreadable body is one DLQ record: it takes the one token, then Kafka is unreachable.
      assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
      HttpResponse<String> limited = http.send(post, HttpResponse.BodyHandlers.ofString());
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.body()).contains("RATE_LIMITED");
    }
  }

  @Test
  void theConfiguredRequestTimeoutClosesAnHttpClientThatSendsItsRequestTooSlowly() throws Exception {
    EnvmonConfig config = ConfigLoader.load(null, Map.of(
        EnvmonConfig.KAFKA_BOOTSTRAP, "127.0.0.1:1",
        EnvmonConfig.RAW_TOPIC_ENABLED, "false",
        EnvmonConfig.HJ212_PORT, "-1",
        EnvmonConfig.HTTP_REQUEST_TIMEOUT_MS, "500"));
    try (IngestEndpoints endpoints = ShippedEndpoints.start(config);
         Socket slow = new Socket("127.0.0.1", endpoints.httpAddress().getPort())) {
      slow.setSoTimeout(5_000);
      long start = System.nanoTime();
      slow.getOutputStream().write("POST /api/v1/readings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          .getBytes(StandardCharsets.US_ASCII)); // and the rest never comes
      assertThat(closedByServer(slow)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("500 ms, checked every 125 ms")
          .isBetween(Duration.ofMillis(400), Duration.ofMillis(2_500));
    }
  }

  private static Socket logger(IngestEndpoints endpoints) throws IOException {
    Socket socket = new Socket("127.0.0.1", endpoints.hj212Address().getPort());
    socket.setSoTimeout(1_000);
    return socket;
  }

  /** A time-calibration request (CN=1013) of Dongsi: answered 9013 at once, nothing published. */
  private static void send(Socket socket, int n) throws IOException {
    String segment = String.format(Locale.ROOT, "QN=20261121060000%03d;ST=22;CN=1013;PW=123456;MN=%s;Flag=5;CP=&&&&",
        n, DONGSI_MN);
    byte[] body = segment.getBytes(StandardCharsets.US_ASCII);
    String frame = String.format(Locale.ROOT, "##%04d%s%s\r\n", body.length, segment, Hj212Crc.hex(Hj212Crc.hj212(body)));
    socket.getOutputStream().write(frame.getBytes(StandardCharsets.US_ASCII));
  }

  /** The next line, or null when none came within the socket's timeout. */
  private static String readLine(Socket socket) throws IOException {
    StringBuilder line = new StringBuilder();
    InputStream in = socket.getInputStream();
    try {
      for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
        line.append((char) b);
      }
    } catch (SocketTimeoutException e) {
      return null;
    }
    return line.toString();
  }

  private static boolean closedByServer(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
