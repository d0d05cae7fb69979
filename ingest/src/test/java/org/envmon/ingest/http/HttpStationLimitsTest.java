package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.StationRate;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.json.TestStations;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A station's rate and its share of the in-flight budget, against the real server with the JDK's
 * HTTP client: the station over its limit gets 429 with Retry-After and a reason, nothing of that
 * request is published (so sending it again duplicates nothing), and another station goes on.
 */
class HttpStationLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpIngestServer server;

  private void start(StationRate rate, int maxInFlightPerStation) throws Exception {
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, new IngestCounters(metrics),
        TestStations.CLOCK);
    HttpIngestConfig config = new HttpIngestConfig(new InetSocketAddress("127.0.0.1", 0), 100_000, 1_000,
        Duration.ofSeconds(10), 8, Optional.empty()).withStationLimits(rate, maxInFlightPerStation);
    server = HttpIngestServer.start(config, new TestStations(), intake, Optional::empty, metrics);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest request(String token, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + "/api/v1/readings"))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    return client.send(request(token, body), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code count} hourly PM2.5 readings of {@code station}, values from {@code first}. */
  private static String readings(String station, int first, int count) {
    List<String> records = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      records.add("{\"station\":\"" + station + "\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T"
          + String.format("%02d", i % 20) + ":00:00+08:00\",\"value\":" + i + "}");
    }
    return "[" + String.join(",", records) + "]";
  }

  private long published(String station) {
    return publisher.readings.stream().filter(r -> r.getStationId().equals(station)).count();
  }

  @Test
  void aStationOverItsRateGets429WithRetryAfterAndNothingOfThatRequestIsPublished() throws Exception {
    start(new StationRate(2, 10), 1_000); // 10 at once, then one reading every 500 ms
    assertThat(post(TestStations.DONGSI_TOKEN, readings("Dongsi", 0, 8)).statusCode()).isEqualTo(202);

    HttpResponse<String> refused = post(TestStations.DONGSI_TOKEN, readings("Dongsi", 8, 5));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("2"); // 3 readings short: 1.5 s, rounded up
    JsonNode body = JSON.readTree(refused.body());
    assertThat(body.path("reason").asText()).isEqualTo("RATE_LIMITED");
    assertThat(body.path("error").asText()).contains("Dongsi").contains("retry this request in 2 s");
    assertThat(published("Dongsi")).as("nothing of the refused request").isEqualTo(8);
    assertThat(publisher.deadLetters).isEmpty();

    assertThat(post(TestStations.GUANYUAN_TOKEN, readings("Guanyuan", 0, 10)).statusCode())
        .as("another station has its own bucket").isEqualTo(202);

    TimeUnit.SECONDS.sleep(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()));
    assertThat(post(TestStations.DONGSI_TOKEN, readings("Dongsi", 8, 5)).statusCode())
        .as("the same request after Retry-After").isEqualTo(202);
    assertThat(publisher.readings).extracting(Reading::getValue).filteredOn(v -> v >= 8 && v < 13)
        .as("published once each").hasSize(5 + 2); // Dongsi's 8..12 and Guanyuan's 8, 9
    assertThat(published("Dongsi")).isEqualTo(13);
  }

  @Test
  void aFloodingStationIsHeldToItsRateWhileAnotherKeepsGetting202() throws Exception {
    start(new StationRate(20, 20), 1_000);
    int accepted = 0;
    int refused = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < Duration.ofSeconds(2).toNanos()) {
      HttpResponse<String> flood = post(TestStations.DONGSI_TOKEN, readings("Dongsi", 0, 5));
      if (flood.statusCode() == 202) {
        accepted++;
      } else {
        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(flood.headers().firstValue("Retry-After")).isPresent();
        refused++;
      }
      if ((accepted + refused) % 10 == 0) {
        assertThat(post(TestStations.GUANYUAN_TOKEN, readings("Guanyuan", 0, 1)).statusCode()).isEqualTo(202);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // At most the burst plus 20 readings a second, in requests of 5.
    assertThat(published("Dongsi")).isEqualTo(5L * accepted).isLessThanOrEqualTo((long) (20 + 20 * seconds) + 5);
    assertThat(refused).isPositive();
    assertThat(metrics.scrape()).contains("envmon_ingest_throttled_total{source=\"http\"} " + refused + ".0");
  }

  @Test
  void oneStationCannotHoldMoreThanItsShareOfTheReadingsAwaitingKafka() throws Exception {
    start(new StationRate(1_000, 1_000), 3);
    publisher.holdAcks();
    CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(
        request(TestStations.DONGSI_TOKEN, readings("Dongsi", 0, 3)), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> published("Dongsi") == 3);

    HttpResponse<String> refused = post(TestStations.DONGSI_TOKEN, readings("Dongsi", 3, 1));
    CompletableFuture<HttpResponse<String>> other = client.sendAsync(
        request(TestStations.GUANYUAN_TOKEN, readings("Guanyuan", 0, 3)), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> published("Guanyuan") == 3);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(JSON.readTree(refused.body()).path("reason").asText()).isEqualTo("IN_FLIGHT_LIMIT");
    assertThat(published("Dongsi")).isEqualTo(3);
    publisher.releaseAcks();
    assertThat(waiting.get().statusCode()).isEqualTo(202);
    assertThat(other.get().statusCode()).as("the other station was taken meanwhile").isEqualTo(202);
    assertThat(post(TestStations.DONGSI_TOKEN, readings("Dongsi", 3, 1)).statusCode()).isEqualTo(202);
  }
}
