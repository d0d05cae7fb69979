package org.envmon.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.http.HttpIngestConfig;
import org.envmon.ingest.http.HttpIngestServer;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.json.TestStations;
import org.envmon.schemas.DeadLetter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random requests against a real {@link HttpIngestServer} over a socket (Kafka replaced by an
 * in-memory publisher, as in HttpIngestServerTest): mutated JSON and CSV bodies, wrong and
 * foreign tokens, odd content types, oversized bodies. Only 202/400/401/403/413/415 may come
 * back, every refused record reaches the DLQ with a reason, refused requests publish nothing,
 * and the server is still healthy afterwards.
 */
@ExtendWith(QuietLogs.class)
class HttpEndpointFuzzTest {
  private static final long SEED = 20_260_503L;
  private static final int BATCHES = 5;
  private static final int PER_BATCH = 400;
  private static final int MAX_BODY = 16_384;
  private static final Duration BATCH_LIMIT = Duration.ofSeconds(30);
  private static final Set<Integer> ALLOWED = Set.of(202, 400, 401, 403, 413, 415);
  private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
      "text/csv", "text/csv; charset=utf-8", "application/xml", "text/plain", "multipart/form-data", "x/y;;=");
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The JDK server writes response headers and body as two segments; with Nagle on, the body
    // waits for the client's delayed ACK (~40 ms a request on Linux). Only effective if no
    // HttpServer was created in this JVM before; the fuzzing is correct either way, just slower.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpIngestServer server;

  @BeforeEach
  void start() throws Exception {
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, new IngestCounters(metrics),
        TestStations.CLOCK);
    HttpIngestConfig config = new HttpIngestConfig(new InetSocketAddress("127.0.0.1", 0), MAX_BODY, 100_000,
        Duration.ofSeconds(5), 4, Optional.empty());
    server = HttpIngestServer.start(config, new TestStations(), intake, Optional::empty, metrics);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void randomRequestsGetOnlyDocumentedAnswersAndEveryRefusedRecordAReason() throws Exception {
    Mutator m = new Mutator(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int b = 0; b < BATCHES; b++) {
      int batch = b;
      assertTimeoutPreemptively(BATCH_LIMIT, () -> {
        for (int i = 0; i < PER_BATCH; i++) {
          int status = oneRequest(m, "batch " + batch + " request " + i + " (seed " + SEED + ")");
          statuses.merge(status, 1, Integer::sum);
        }
      }, () -> "HTTP batch " + batch + " did not finish within " + BATCH_LIMIT);
    }
    System.out.printf(Locale.ROOT, "HTTP fuzz: %d requests, answers %s, %d readings accepted, %d dead letters%n",
        BATCHES * PER_BATCH, statuses, publisher.readings.size(), publisher.deadLetters.size());
    assertThat(statuses.keySet()).containsAll(Set.of(202, 400, 401, 403, 413, 415));

    HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  private int oneRequest(Mutator m, String where) throws Exception {
    boolean csv = m.chance(0.4);
    List<byte[]> seeds = csv ? ReadingBodies.CSV : ReadingBodies.JSON;
    byte[] body = m.chance(0.03) ? m.randomBytes(MAX_BODY * 2 + 1) // often beyond the limit
        : m.chance(0.1) ? m.pick(seeds) : m.mutate(m.pick(seeds), seeds);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/readings")).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    int contentType = m.nextInt(10);
    if (contentType < 8) {
      request.header("Content-Type", csv ? m.pick(CONTENT_TYPES.subList(2, 4)) : m.pick(CONTENT_TYPES.subList(0, 2)));
    } else if (contentType == 8) {
      request.header("Content-Type", m.pick(CONTENT_TYPES));
    } // else none: the server assumes JSON
    int auth = m.nextInt(20);
    if (auth < 15) {
      request.header("Authorization", "Bearer " + TestStations.DONGSI_TOKEN);
    } else if (auth < 17) {
      request.header("Authorization", "Bearer " + TestStations.GUANYUAN_TOKEN); // bodies name Dongsi: 403
    } else if (auth < 19) {
      request.header("Authorization", m.pick(List.of("Bearer", "Bearer ", "Basic ZG9uZ3NpOnB3", "bearer guess",
          "Bearer " + TestStations.DONGSI_TOKEN + "x", "Bearer " + TestStations.DONGSI_TOKEN.toUpperCase(Locale.ROOT))));
    }
    int readingsBefore = publisher.readings.size();
    int deadBefore = publisher.deadLetters.size();
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    assertThat(status).as("status for %s; body %s", where, response.body()).isIn(ALLOWED);
    int readingsAdded = publisher.readings.size() - readingsBefore;
    List<DeadLetter> deadAdded = publisher.deadLetters.subList(deadBefore, publisher.deadLetters.size());
    JsonNode answer = JSON.readTree(response.body());
    if ((status == 202 || status == 400) && answer.has("rejected")) {
      assertThat(readingsAdded).as(where).isEqualTo(answer.get("accepted").asInt());
      assertThat(deadAdded).as(where).hasSize(answer.get("rejected").asInt());
      assertThat(answer.get("errors")).as(where).hasSize(answer.get("rejected").asInt());
      answer.get("errors").forEach(e -> assertThat(e.get("reason").asText()).as(where).isNotBlank());
      for (DeadLetter d : deadAdded) {
        assertThat(d.getReasonCode()).as(where).isNotBlank();
        assertThat(d.getReason()).as(where).isNotBlank();
      }
      assertThat(status == 202).as(where).isEqualTo(readingsAdded > 0);
    } else {
      // Refused as a whole before validation: nothing published, the client is told why.
      assertThat(readingsAdded).as(where).isZero();
      assertThat(deadAdded).as(where).isEmpty();
      assertThat(answer.path("error").asText()).as("error message for %s", where).isNotBlank();
    }
    return status;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }
}
