package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.json.TestStations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow-loris against the real server over raw sockets: clients that trickle their request (the
 * headers, or a body, one byte a second) are disconnected once the request timeout has passed,
 * so they cannot keep the 16 handler threads, and a normal request from another socket is
 * answered meanwhile. Kafka is an in-memory publisher.
 */
class HttpSlowClientsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final String READING = "[{\"station\":\"Dongsi\",\"parameter\":\"PM2_5\","
      + "\"time\":\"2026-05-01T08:00:00+08:00\",\"value\":35.2}]";

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Socket> sockets = new ArrayList<>();
  private final ExecutorService clientThreads = Executors.newCachedThreadPool();
  private HttpIngestServer server;

  private void start() throws IOException {
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, new IngestCounters(metrics),
        TestStations.CLOCK);
    HttpIngestConfig config = HttpIngestConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
        .withRequestTimeout(TIMEOUT);
    server = HttpIngestServer.start(config, new TestStations(), intake, Optional::empty, metrics);
  }

  @AfterEach
  void stop() throws IOException {
    clientThreads.shutdownNow();
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
  }

  private Socket open(String start) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.address().getPort());
    socket.setTcpNoDelay(true);
    sockets.add(socket);
    socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** Milliseconds from {@code since} until the server closed {@code socket} (end of stream or reset). */
  private CompletableFuture<Long> closedBy(Socket socket, long since) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        while (socket.getInputStream().read() >= 0) {
          // an answer would be read here; a closed connection ends the loop
        }
      } catch (IOException e) {
        // reset by the server: closed too
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }, clientThreads);
  }

  /** Writes one more byte to each socket every second until the server closes it. */
  private void trickle(List<Socket> slow, byte b) {
    clientThreads.execute(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        for (Socket s : slow) {
          try {
            OutputStream out = s.getOutputStream();
            out.write(b);
            out.flush();
          } catch (IOException e) {
            // closed by the server
          }
        }
        try {
          TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  private long timeouts() {
    return (long) metrics.get("envmon.ingest.http.request.timeouts").counter().count();
  }

  @Test
  void clientsTricklingTheirRequestAreClosedAfterTheTimeoutWhileANormalRequestIsAnswered() throws Exception {
    start();
    long start = System.nanoTime();
    List<Socket> slowHeaders = new ArrayList<>();
    List<Socket> slowBodies = new ArrayList<>();
    List<CompletableFuture<Long>> closed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // The request line, then a header that never ends.
      Socket s = open("POST /api/v1/readings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      slowHeaders.add(s);
      closed.add(closedBy(s, start));
      // Complete headers of an authenticated request whose 200-byte body comes one byte a second.
      Socket b = open("POST /api/v1/readings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + TestStations.DONGSI_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n[");
      slowBodies.add(b);
      closed.add(closedBy(b, start));
    }
    trickle(slowHeaders, (byte) 'x');
    trickle(slowBodies, (byte) ' ');
    TimeUnit.MILLISECONDS.sleep(300); // the 20 slow clients now hold the 16 handler threads

    long sent = System.nanoTime();
    HttpResponse<String> normal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.address().getPort() + "/api/v1/readings"))
        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TestStations.GUANYUAN_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(READING.replace("Dongsi", "Guanyuan"))).build(),
        HttpResponse.BodyHandlers.ofString());
    long normalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    long slowClosedBeforeAnswer = closed.stream().filter(CompletableFuture::isDone).count();

    List<Long> closedMillis = new ArrayList<>();
    for (CompletableFuture<Long> c : closed) {
      closedMillis.add(c.get(15, TimeUnit.SECONDS));
    }
    closedMillis.sort(null);
    System.out.printf(Locale.ROOT, "HTTP request timeout %d ms, 16 threads: 20 slow clients closed after %s ms;"
        + " a normal request answered %d after %d ms, when %d of the slow ones were closed%n", TIMEOUT.toMillis(),
        closedMillis, normal.statusCode(), normalMillis, slowClosedBeforeAnswer);

    assertThat(normal.statusCode()).isEqualTo(202);
    assertThat(normalMillis).as("the normal request waited at most about one timeout for a thread")
        .isLessThan(TIMEOUT.toMillis() + 3_000);
    assertThat(slowClosedBeforeAnswer).as("it was answered while slow clients were still connected").isLessThan(20);
    // A slow client keeps a thread at most the timeout (plus the watchdog's tick, a quarter of
    // it): the 16 that got threads at once are closed after about 2 s, the 4 that waited for a
    // thread about 2 s later.
    assertThat(closedMillis).allSatisfy(ms -> assertThat(ms).isBetween(TIMEOUT.toMillis() - 100, 8_000L));
    assertThat(closedMillis.subList(0, 16)).allSatisfy(ms -> assertThat(ms).isLessThan(TIMEOUT.toMillis() + 1_500));
    assertThat(timeouts()).isEqualTo(20);
    assertThat(publisher.readings).as("only the normal request's reading").hasSize(1);
    assertThat(publisher.deadLetters).isEmpty();
  }

  @Test
  void aRequestArrivingInPiecesWithinTheTimeoutAndAKafkaWaitLongerThanItAreAnswered() throws Exception {
    start();
    publisher.holdAcks();
    byte[] body = READING.getBytes(StandardCharsets.UTF_8);
    Socket socket = open("POST /api/v1/readings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + TestStations.DONGSI_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    int half = body.length / 2;
    TimeUnit.MILLISECONDS.sleep(700);
    out.write(body, 0, half);
    TimeUnit.MILLISECONDS.sleep(700); // 1.4 s of the 2 s to send the request
    out.write(body, half, body.length - half);
    out.flush();

    // Kafka takes 3 s, longer than the request timeout, which does not count that wait.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (publisher.readings.isEmpty() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    TimeUnit.SECONDS.sleep(3);
    publisher.releaseAcks();

    socket.setSoTimeout(5_000);
    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(answer).startsWith("HTTP/1.1 202").contains("\"accepted\":1");
    assertThat(timeouts()).isZero();
  }
}
