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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.StationRate;
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
 * foreign tokens, odd content types, oversized bodies, eight clients at a time. Only
 * 202/400/401/403/413/415 may come back, every refused record is named in the answer with a
 * reason, what the answers count is exactly what reached Kafka and the DLQ (so requests refused
 * as a whole published nothing), and the server is still healthy afterwards.
 */
@ExtendWith(QuietLogs.class)
class HttpEndpointFuzzTest {
  private static final long SEED = 20_260_503L;
  private static final int BATCHES = 5;
  private static final int CONCURRENCY = 8;
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
    // Two stations send all 2 000 requests as fast as the server answers: far above the default
    // per-station rate (100 readings/s), which would answer 429. This test is about what the body
    // and the headers can do, not about rates (HttpStationLimitsTest is), so the limits are lifted.
    HttpIngestConfig config = new HttpIngestConfig(new InetSocketAddress("127.0.0.1", 0), MAX_BODY, 100_000,
        Duration.ofSeconds(5), CONCURRENCY, Optional.empty())
        .withStationLimits(new StationRate(1_000_000, 1_000_000), 100_000);
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
    long[] totals = new long[2]; // accepted, rejected as the answers count them
    ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      for (int b = 0; b < BATCHES; b++) {
        int batch = b;
        // Built in order from the seed, sent concurrently: the inputs do not depend on timing.
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
          HttpRequest request = randomRequest(m);
          requests.add(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
          List<Future<HttpResponse<String>>> responses = clients.invokeAll(requests);
          for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i).get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            check(response, totals, "batch " + batch + " request " + i + " (seed " + SEED + ")");
          }
        }, () -> "HTTP batch " + batch + " did not finish within " + BATCH_LIMIT);
      }
    } finally {
      clients.shutdownNow();
    }
    System.out.printf(Locale.ROOT, "HTTP fuzz: %d requests, answers %s, %d readings accepted, %d dead letters%n",
        BATCHES * PER_BATCH, statuses, publisher.readings.size(), publisher.deadLetters.size());
    assertThat(statuses.keySet()).containsAll(Set.of(202, 400, 401, 403, 413, 415));
    // What the answers promised is exactly what reached Kafka: no record lost, none without a reason.
    assertThat((long) publisher.readings.size()).isEqualTo(totals[0]);
    assertThat((long) publisher.deadLetters.size()).isEqualTo(totals[1]);
    for (DeadLetter d : publisher.deadLetters) {
      assertThat(d.getReasonCode()).isNotBlank();
      assertThat(d.getReason()).isNotBlank();
    }

    HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  private HttpRequest randomRequest(Mutator m) {
    boolean csv = m.chance(0.4);
    List<byte[]> seeds = csv ? ReadingBodies.CSV : ReadingBodies.JSON;
    byte[] body = m.chance(0.03) ? m.randomBytes(MAX_BODY * 2 + 1) // often beyond the limit
        : m.chance(0.1) ? m.pick(seeds) : m.mutate(m.pick(seeds), seeds);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/readings")).timeout(Duration.ofSeconds(20))
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
    return request.build();
  }

  private static void check(HttpResponse<String> response, long[] totals, String where) throws Exception {
    int status = response.statusCode();
    assertThat(status).as("status for %s; body %s", where, response.body()).isIn(ALLOWED);
    JsonNode answer = JSON.readTree(response.body());
    if ((status == 202 || status == 400) && answer.has("rejected")) {
      int accepted = answer.get("accepted").asInt();
      int rejected = answer.get("rejected").asInt();
      assertThat(answer.get("errors")).as(where).hasSize(rejected);
      answer.get("errors").forEach(e -> {
        assertThat(e.get("reason").asText()).as(where).isNotBlank();
        assertThat(e.get("message").asText()).as(where).isNotBlank();
      });
      assertThat(status == 202).as("202 exactly when something was accepted, at %s", where).isEqualTo(accepted > 0);
      totals[0] += accepted;
      totals[1] += rejected;
    } else {
      // Refused as a whole before validation: the client is told why (and nothing is published,
      // which the totals prove).
      assertThat(answer.path("error").asText()).as("error message for %s", where).isNotBlank();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }
}
