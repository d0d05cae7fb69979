package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.TestStations;
import org.envmon.ingest.json.TopicTail;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP endpoint with the real Kafka publisher against a real broker, driven by the JDK client. */
@WithKafka
class HttpIngestIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static KafkaReadingPublisher publisher;
  private static Admin admin;
  private static HttpIngestServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start(TestKafka kafka) throws Exception {
    kafka.createTopics(Topics.all(), 1);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    publisher = new KafkaReadingPublisher(props);
    admin = Admin.create(kafka.adminConfig());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, new IngestCounters(metrics),
        TestStations.CLOCK);
    server = HttpIngestServer.start(HttpIngestConfig.defaults(new InetSocketAddress("127.0.0.1", 0)),
        new TestStations(), intake, new KafkaClusterHealth(admin, Duration.ofSeconds(5)), metrics);
  }

  @AfterAll
  static void stop() {
    server.close();
    publisher.close();
    admin.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder post(String contentType, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + "/api/v1/readings"))
        .header("Authorization", "Bearer " + TestStations.GUANYUAN_TOKEN).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Test
  void acceptedReadingsAreInKafkaExactlyOnceWhenThe202Arrives(TestKafka kafka) throws Exception {
    try (TopicTail<Reading> readings = TopicTail.fromEnd(kafka, Topics.READINGS);
         TopicTail<DeadLetter> dlq = TopicTail.fromEnd(kafka, Topics.READINGS_DLQ)) {
      HttpResponse<String> json = send(post("application/json", """
          [{"station":"Guanyuan","parameter":"PM2_5","time":"2026-05-01T08:00:00+08:00","value":35.2,"flag":"N"},
           {"station":"Guanyuan","parameter":"PM2_5","time":"2026-05-01T09:00:00+08:00","value":-999x}]"""));
      HttpResponse<String> mixed = send(post("application/json", """
          [{"station":"Guanyuan","parameter":"PM2_5","time":"2026-05-01T08:00:00+08:00","value":35.2,"flag":"N"},
           {"station":"Guanyuan","parameter":"PM2_5","time":"2026-05-01T09:00:00+08:00","value":"-"}]"""));
      HttpResponse<String> csv = send(post("text/csv", "station,parameter,time,value,unit\n"
          + "Guanyuan,NO2,2026-05-01T08:00:00+08:00,44,ug/m3\n"));

      assertThat(json.statusCode()).as(json.body()).isEqualTo(400);
      assertThat(mixed.statusCode()).isEqualTo(202);
      assertThat(mixed.body()).isEqualTo("{\"accepted\":1,\"rejected\":1,\"errors\":[{\"index\":1,"
          + "\"reason\":\"NOT_A_NUMBER\",\"message\":\"record 1: value '-' is not a number\"}]}");
      assertThat(csv.statusCode()).isEqualTo(202);
      List<Reading> got = readings.awaitValues(2, TIMEOUT);
      assertThat(got).extracting(Reading::getStationId, Reading::getParameter, Reading::getObservedAt,
          Reading::getValue, Reading::getSource).containsExactly(
          org.assertj.core.groups.Tuple.tuple("Guanyuan", "PM2_5", Instant.parse("2026-05-01T00:00:00Z"), 35.2, "http"),
          org.assertj.core.groups.Tuple.tuple("Guanyuan", "NO2", Instant.parse("2026-05-01T00:00:00Z"), 44.0, "http"));
      assertThat(readings.valuesAfter(Duration.ofSeconds(1))).hasSize(2);
      assertThat(dlq.awaitValues(2, TIMEOUT)).extracting(DeadLetter::getReasonCode, DeadLetter::getSource)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("MALFORMED", "http"),
              org.assertj.core.groups.Tuple.tuple("NOT_A_NUMBER", "http"));
    }
  }

  @Test
  void healthIsUpWhileKafkaAnswers() throws Exception {
    HttpResponse<String> health = send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.address().getPort() + "/health")));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void healthIsDownWhenKafkaIsUnreachable() {
    Properties nowhere = new Properties();
    nowhere.put("bootstrap.servers", "127.0.0.1:1");
    try (Admin unreachable = Admin.create(nowhere)) {
      Optional<String> problem = new KafkaClusterHealth(unreachable, Duration.ofMillis(500)).problem();
      assertThat(problem).hasValueSatisfying(p -> assertThat(p).startsWith("Kafka not reachable within PT0.5S"));
    }
  }
}
