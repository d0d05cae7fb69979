package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.json.TestStations;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real server and the JDK's HTTP client over a socket; Kafka is replaced by an in-memory
 * publisher here (HttpIngestIT runs the same path against a real broker).
 */
class HttpIngestServerTest {
  private static final int MAX_BODY = 2_000;
  private static final int MAX_IN_FLIGHT = 3;

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicReference<Optional<String>> kafkaProblem = new AtomicReference<>(Optional.empty());
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpIngestServer server;

  @BeforeEach
  void start() throws Exception {
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, new IngestCounters(metrics),
        TestStations.CLOCK);
    HttpIngestConfig config = new HttpIngestConfig(new InetSocketAddress("127.0.0.1", 0), MAX_BODY, MAX_IN_FLIGHT,
        Duration.ofSeconds(5), 4, Optional.empty());
    server = HttpIngestServer.start(config, new TestStations(), intake, kafkaProblem::get, metrics);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
        .timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> post(String token, String contentType, String body) throws Exception {
    HttpRequest.Builder b = request("/api/v1/readings").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String reading(String station, String hour, Object value) {
    return "{\"station\":\"" + station + "\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T" + hour
        + ":00:00+08:00\",\"value\":" + value + "}";
  }

  @Test
  void acceptsABatchAfterKafkaAcknowledgedIt() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json",
        "[" + reading("Dongsi", "08", 35.2) + "," + reading("Dongsi", "09", 40) + "]");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"accepted\":2,\"rejected\":0,\"errors\":[]}");
    assertThat(publisher.readings).extracting(Reading::getStationId, Reading::getValue, Reading::getSource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Dongsi", 35.2, "http"),
            org.assertj.core.groups.Tuple.tuple("Dongsi", 40.0, "http"));
  }

  @Test
  void acceptsTheGoodRecordsOfAMixedBatchAndNamesTheBadOnes() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json",
        "[" + reading("Dongsi", "08", 35.2) + "," + reading("Dongsi", "09", "\"high\"") + "]");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"accepted\":1,\"rejected\":1,\"errors\":[{\"index\":1,"
        + "\"reason\":\"NOT_A_NUMBER\",\"message\":\"record 1: value 'high' is not a number\"}]}");
    assertThat(publisher.readings).hasSize(1);
    assertThat(publisher.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getSource()).isEqualTo("http");
      assertThat(d.getSourceAddress()).startsWith("127.0.0.1:");
      assertThat(d.getPayload()).isEqualTo(reading("Dongsi", "09", "\"high\""));
    });
  }

  @Test
  void answers400WhenNoRecordIsAcceptable() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json",
        reading("Dongsi", "08", "null"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"accepted\":0,\"rejected\":1,\"errors\":[{\"index\":0,"
        + "\"reason\":\"NOT_A_NUMBER\",\"message\":\"record 0 has no 'value'\"}]}");
    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode).containsExactly("NOT_A_NUMBER");
  }

  @Test
  void answers400AndDeadLettersABodyThatIsNotJson() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json", "station=Dongsi");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"accepted\":0,\"rejected\":1,\"errors\":[{\"index\":-1,"
        + "\"reason\":\"MALFORMED\",\"message\":\"body is not valid JSON");
    assertThat(publisher.deadLetters).extracting(DeadLetter::getPayload, DeadLetter::getStationId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("station=Dongsi", "Dongsi"));
  }

  @Test
  void acceptsCsv() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "text/csv; charset=utf-8",
        "station,parameter,time,value,unit,flag\n"
            + "Dongsi,PM10,2026-05-01T08:00:00+08:00,71,ug/m3,N\n"
            + "Dongsi,CO,2026-05-01T08:00:00+08:00,0.7,mg/m3,N\n");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"accepted\":2,\"rejected\":0,\"errors\":[]}");
    assertThat(publisher.readings).extracting(Reading::getParameter, Reading::getUnit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PM10", "ug/m3"),
            org.assertj.core.groups.Tuple.tuple("CO", "mg/m3"));
  }

  @Test
  void refusesMissingAndUnknownTokens() throws Exception {
    HttpResponse<String> missing = post(null, "application/json", reading("Dongsi", "08", 1));
    HttpResponse<String> unknown = post("guess", "application/json", reading("Dongsi", "08", 1));

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"envmon\"");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).doesNotContain("guess");
    assertThat(publisher.readings).isEmpty();
    assertThat(publisher.deadLetters).isEmpty();
  }

  @Test
  void refusesTheWholeRequestWhenARecordNamesAnotherStation() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json",
        "[" + reading("Dongsi", "08", 1) + "," + reading("Guanyuan", "08", 2) + "]");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"error\":\"the token is station Dongsi's but record(s) [1] name "
        + "another station; a token may send only its own station's readings (nothing was accepted)\"}");
    assertThat(publisher.readings).isEmpty();
  }

  @Test
  void refusesOversizedBodies() throws Exception {
    String big = "[" + String.join(",", java.util.Collections.nCopies(40, reading("Dongsi", "08", 1))) + "]";
    assertThat(big.length()).isGreaterThan(MAX_BODY);

    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json", big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(publisher.readings).isEmpty();
  }

  @Test
  void refusesUnsupportedContentTypes() throws Exception {
    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/xml", "<reading/>");

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void answers503WithRetryAfterWhileKafkaIsBehindAndAcceptsOnceItCaughtUp() throws Exception {
    publisher.holdAcks();
    String three = "[" + reading("Dongsi", "08", 1) + "," + reading("Dongsi", "09", 2) + ","
        + reading("Dongsi", "10", 3) + "]";
    CompletableFuture<HttpResponse<String>> first = client.sendAsync(request("/api/v1/readings")
        .header("Authorization", "Bearer " + TestStations.DONGSI_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(three)).build(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> publisher.readings.size() == 3);

    HttpResponse<String> refused = post(TestStations.DONGSI_TOKEN, "application/json", reading("Dongsi", "11", 4));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(first).isNotDone();
    publisher.releaseAcks();
    assertThat(first.get().statusCode()).isEqualTo(202);
    HttpResponse<String> retried = post(TestStations.DONGSI_TOKEN, "application/json", reading("Dongsi", "11", 4));
    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(publisher.readings).extracting(Reading::getValue).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void answers503WhenKafkaRefuses() throws Exception {
    publisher.failWith(new IllegalStateException("no leader for envmon.readings"));

    HttpResponse<String> response = post(TestStations.DONGSI_TOKEN, "application/json", reading("Dongsi", "08", 1));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("1");
    assertThat(response.body()).contains("no leader for envmon.readings");
  }

  @Test
  void reportsHealthFromTheCheck() throws Exception {
    HttpResponse<String> up = client.send(request("/health").build(), HttpResponse.BodyHandlers.ofString());
    kafkaProblem.set(Optional.of("Kafka not reachable"));
    HttpResponse<String> down = client.send(request("/health").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"problem\":\"Kafka not reachable\"");
  }

  @Test
  void exposesTheIngestCountersForPrometheus() throws Exception {
    post(TestStations.DONGSI_TOKEN, "application/json",
        "[" + reading("Dongsi", "08", 1) + "," + reading("Dongsi", "09", "\"x\"") + "]");

    HttpResponse<String> response = client.send(request("/metrics").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body()).contains("envmon_ingest_accepted_total{source=\"http\"} 1.0")
        .contains("envmon_ingest_rejected_total{reason=\"NOT_A_NUMBER\",source=\"http\"} 1.0");
  }
}
