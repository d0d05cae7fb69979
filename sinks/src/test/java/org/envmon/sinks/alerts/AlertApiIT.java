package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSE and the open-alerts API against the real envmon.alerts topic and a real HTTP client. */
@WithKafka
class AlertApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final TestKafka kafka;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<CompletableFuture<?>> streams = new ArrayList<>();
  private KafkaProducer<String, Alert> producer;
  private AlertDelivery delivery;
  private String base;

  AlertApiIT(TestKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeAll
  static void emptyAlertsTopic(TestKafka kafka) {
    // One partition keeps every transition of these tests in production order.
    kafka.recreateTopics(List.of(Topics.ALERTS), 1);
  }

  @BeforeEach
  void start() throws Exception {
    producer = kafka.producer(Topics.ALERTS);
    delivery = AlertDelivery.start(AlertDeliveryOptions.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .httpAddress(new InetSocketAddress("127.0.0.1", 0))
        .build());
    base = "http://127.0.0.1:" + delivery.httpAddress().orElseThrow().getPort();
  }

  @AfterEach
  void stop() {
    streams.forEach(s -> s.cancel(true));
    delivery.close();
    producer.close();
  }

  private void produce(Alert... transitions) throws Exception {
    for (Alert a : transitions) {
      producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.getAlertId(), a)).get();
    }
  }

  /** Connects to the stream and returns its lines as they arrive, once the server accepted it. */
  private BlockingQueue<String> connect(String query) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/stream?" + query)).build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
    streams.add(CompletableFuture.runAsync(() -> response.body().forEach(lines::add)));
    assertThat(lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(": connected");
    return lines;
  }

  /** The alerts of {@code station} among the next events, until {@code count} of them arrived. */
  private static List<JsonNode> eventsOf(BlockingQueue<String> lines, String station, int count) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (events.size() < count) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(line).as("%d events of %s within %s, got %s", count, station, TIMEOUT, events).isNotNull();
      if (line.startsWith("data: ")) {
        JsonNode alert = JSON.readTree(line.substring("data: ".length()));
        if (alert.get("stationId").asText().equals(station)) {
          events.add(alert);
        }
      }
    }
    return events;
  }

  private static String describe(JsonNode alert) {
    return alert.get("district").asText() + " " + alert.get("medium").asText() + " " + alert.get("state").asText();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void streamDeliversProducedAlertsMatchingEachClientsFilter() throws Exception {
    String station = "S-" + UUID.randomUUID();
    BlockingQueue<String> dongchengAir = connect("district=" + q("东城") + "&medium=air");
    BlockingQueue<String> waterWarnings = connect("medium=water&severity=warning&rule=GB3838");

    produce(TestAlerts.pm25(station, "海淀", AlertState.OPEN),
        TestAlerts.pm25(station, "东城", AlertState.OPEN),
        TestAlerts.alert(station, "东城", Medium.WATER, "GB3838-2002.COD.III", "warning", AlertState.OPEN),
        TestAlerts.alert(station, "东城", Medium.WATER, "GB3838-2002.COD.III", "major", AlertState.ESCALATED),
        TestAlerts.pm25(station, "东城", AlertState.CLEARED),
        TestAlerts.alert(station, "东城", Medium.WATER, "GB3838-2002.COD.III", "warning", AlertState.CLEARED));

    // Each queue is in production order, so a leaked transition would show between these.
    assertThat(eventsOf(dongchengAir, station, 2)).extracting(AlertApiIT::describe)
        .containsExactly("东城 air OPEN", "东城 air CLEARED");
    assertThat(eventsOf(waterWarnings, station, 2)).extracting(AlertApiIT::describe)
        .containsExactly("东城 water OPEN", "东城 water CLEARED");
  }

  @Test
  void eventIdIsTheIdempotencyKey() throws Exception {
    String station = "S-" + UUID.randomUUID();
    BlockingQueue<String> lines = connect("district=" + q("东城"));
    Alert alert = TestAlerts.pm25(station, "东城", AlertState.OPEN);

    produce(alert);

    String line;
    do {
      line = lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(line).isNotNull();
    } while (!line.equals("id: " + alert.getAlertId() + ":OPEN"));
    assertThat(lines.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo("data: " + new String(AlertJson.toBytes(alert), StandardCharsets.UTF_8));
  }

  private List<String> openAlertIds(String query) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts?" + query))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    List<String> ids = new ArrayList<>();
    JSON.readTree(response.body()).forEach(a -> ids.add(a.get("alertId").asText()));
    return ids;
  }

  @Test
  void openAlertsReflectOpenThenCleared() throws Exception {
    Alert open = TestAlerts.pm25("S-" + UUID.randomUUID(), "东城", AlertState.OPEN);
    Alert elsewhere = TestAlerts.pm25("S-" + UUID.randomUUID(), "朝阳", AlertState.OPEN);

    produce(open, elsewhere);
    await().atMost(TIMEOUT).until(() -> openAlertIds("state=open").containsAll(
        List.of(open.getAlertId(), elsewhere.getAlertId())));
    assertThat(openAlertIds("state=open&district=" + q("东城"))).contains(open.getAlertId())
        .doesNotContain(elsewhere.getAlertId());

    produce(TestAlerts.pm25(open.getStationId(), "东城", AlertState.CLEARED));
    await().atMost(TIMEOUT).until(() -> !openAlertIds("state=open").contains(open.getAlertId()));
    assertThat(openAlertIds("state=open")).contains(elsewhere.getAlertId());
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void badRequestsAreExplained() throws Exception {
    HttpResponse<String> badMedium = get("/api/v1/alerts/stream?medium=soil");
    assertThat(badMedium.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badMedium.body()).get("error").asText())
        .isEqualTo("unknown medium 'soil'; use one of [air, water, noise, voc]");

    HttpResponse<String> typo = get("/api/v1/alerts?state=open&distrct=x");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("unknown query parameter 'distrct'");

    HttpResponse<String> closed = get("/api/v1/alerts?state=cleared");
    assertThat(closed.statusCode()).isEqualTo(400);
    assertThat(closed.body()).contains("only state=open is kept here");

    assertThat(get("/api/v1/alertsXYZ").statusCode()).isEqualTo(404);

    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET");
  }
}
