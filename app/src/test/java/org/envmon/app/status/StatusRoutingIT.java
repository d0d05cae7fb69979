package org.envmon.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.envmon.streams.status.LocalStatusStores;
import org.envmon.streams.status.StatusQueries;
import org.envmon.streams.status.StatusUnavailableException;
import org.envmon.streams.status.StatusView;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kafka Streams instances of the envmon topology (same application id, two partitions), each
 * with its status server: either instance answers for every station, whichever holds it. The
 * stations' hourly values and AQI are computed from readings (their stores live in the readings'
 * task, partitioned by station); alerts and plan progress come from their topics.
 */
@WithKafka
class StatusRoutingIT {
  private static final int PARTITIONS = 2;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final List<String> STATIONS = List.of("Dongsi", "Tiantan", "Guanyuan", "Wanliu", "Aotizhongxin",
      "Nongzhanguan", "Changping", "Dingling");
  private static final Instant H10 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant H11 = Instant.parse("2026-03-01T11:00:00Z");
  private static final Instant H12 = Instant.parse("2026-03-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path stateDirs;

  private final List<AutoCloseable> open = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void eitherInstanceAnswersForEveryStation(TestKafka kafka) throws Exception {
    kafka.recreateTopics(Topics.all(), PARTITIONS);
    String applicationId = "envmon-status-it-" + UUID.randomUUID().toString().substring(0, 8);
    Instance a = startInstance(kafka, applicationId, "a");
    Instance b = startInstance(kafka, applicationId, "b");
    Awaitility.await("both instances running with the hourly store split between them").atMost(TIMEOUT)
        .until(() -> a.streams.state() == KafkaStreams.State.RUNNING && b.streams.state() == KafkaStreams.State.RUNNING
            && owners(a.streams).size() == 2);

    produce(kafka);

    for (Instance asked : List.of(a, b)) {
      for (int i = 0; i < STATIONS.size(); i++) {
        String station = STATIONS.get(i);
        double expected = latestPm25(i);
        Awaitility.await(station + " via " + asked.server.applicationServer()).atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
              Response r = get(asked, StatusPaths.STATIONS + "/" + URLEncoder.encode(station, StandardCharsets.UTF_8));
              assertThat(r.status).as(r.body.toString()).isEqualTo(200);
              assertThat(r.body.get("station").asText()).isEqualTo(station);
              JsonNode hourly = r.body.get("hourly");
              assertThat(hourly).hasSize(1);
              assertThat(hourly.get(0).get("parameter").asText()).isEqualTo("PM2_5");
              assertThat(hourly.get(0).get("hourStart").asText()).isEqualTo(H11.toString());
              assertThat(hourly.get(0).get("value").asDouble()).isEqualTo(expected);
              assertThat(r.body.get("hourlyAqi").get("periodStart").asText()).isEqualTo(H11.toString());
              assertThat(r.body.get("dailyAqi").isNull()).isTrue();
            });
      }
    }

    // The "all stations" fan-out merges both instances' parts, whichever is asked.
    for (Instance asked : List.of(a, b)) {
      Response all = get(asked, StatusPaths.STATIONS);
      assertThat(all.status).isEqualTo(200);
      List<String> ids = new ArrayList<>();
      all.body.forEach(s -> ids.add(s.get("station").asText()));
      assertThat(ids).containsExactlyElementsOf(STATIONS.stream().sorted().toList());
    }

    for (Instance asked : List.of(a, b)) {
      Awaitility.await("open alerts via " + asked.server.applicationServer()).atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response alerts = get(asked, StatusPaths.ALERTS_OPEN);
            assertThat(alerts.status).isEqualTo(200);
            Set<String> ids = new HashSet<>();
            alerts.body.forEach(x -> ids.add(x.get("alertId").asText()));
            assertThat(ids).containsExactlyInAnyOrder(alertId("Dongsi"), alertId("Tiantan"));
          });
      Awaitility.await("plan via " + asked.server.applicationServer()).atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response plan = get(asked, StatusPaths.PLAN);
            assertThat(plan.status).isEqualTo(200);
            assertThat(plan.body.get("city")).hasSize(1);
            assertThat(plan.body.get("city").get(0).get("actual").asDouble()).isEqualTo(31.0);
            assertThat(plan.body.get("districts").get("东城").get(0).get("actual").asDouble()).isEqualTo(27.5);
          });
    }

    Response unknown = get(a, StatusPaths.STATIONS + "/Nowhere");
    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.body.get("error").asText()).contains("unknown station 'Nowhere'");
  }

  private Instance startInstance(TestKafka kafka, String applicationId, String name) throws IOException {
    StatusServer server = StatusServer.bind(new InetSocketAddress("localhost", 0), "localhost");
    open.add(server);
    StreamsSettings settings = StreamsSettings.builder().forTests().applicationId(applicationId)
        .stateDir(stateDirs.resolve(name)).applicationServer(server.applicationServer()).build();
    KafkaStreams streams = new KafkaStreams(EnvmonTopology.build(settings), settings.toProperties(kafka.bootstrapServers()));
    open.add(() -> streams.close(Duration.ofSeconds(30)));
    streams.start();
    server.start(streams);
    return new Instance(streams, server);
  }

  /** Instances holding the stations' hourly keys, by the streams metadata. */
  private static Set<HostInfo> owners(KafkaStreams streams) {
    LocalStatusStores stores = new LocalStatusStores(streams, new HostInfo("localhost", 0));
    Set<HostInfo> owners = new HashSet<>();
    for (String station : STATIONS) {
      try {
        HostInfo owner = stores.ownerOf(StatusView.HOURLY, StatusQueries.hourlyKey(station, "PM2_5"));
        if (owner.port() > 0) {
          owners.add(owner);
        }
      } catch (StatusUnavailableException notYet) {
        // still rebalancing
      }
    }
    return owners;
  }

  /**
   * Hourly PM2.5 means for 10:00 and 11:00 of each station and one for 12:00, which closes 11:00;
   * two alerts and the plan progress straight to their topics.
   */
  private static void produce(TestKafka kafka) {
    try (KafkaProducer<String, Reading> readings = kafka.producer(Topics.READINGS);
         KafkaProducer<String, Alert> alerts = kafka.producer(Topics.ALERTS);
         KafkaProducer<String, PlanProgress> plan = kafka.producer(Topics.PLAN_PROGRESS)) {
      for (int i = 0; i < STATIONS.size(); i++) {
        String station = STATIONS.get(i);
        for (Reading r : List.of(hourlyMean(station, H10, 10.0 + i), hourlyMean(station, H11, latestPm25(i)),
            hourlyMean(station, H12, 20.0))) {
          readings.send(new ProducerRecord<>(Topics.READINGS.name(), station, r));
        }
      }
      for (String station : List.of("Dongsi", "Tiantan")) {
        alerts.send(new ProducerRecord<>(Topics.ALERTS.name(), alertId(station), alert(station)));
      }
      plan.send(new ProducerRecord<>(Topics.PLAN_PROGRESS.name(), "city|pm25_annual|2026", progress("city", 31.0)));
      plan.send(new ProducerRecord<>(Topics.PLAN_PROGRESS.name(), "东城|pm25_annual|2026", progress("东城", 27.5)));
    }
  }

  private static double latestPm25(int i) {
    return 40.0 + 3 * i;
  }

  private static String alertId(String station) {
    return station + "|GB3095-2012.PM2_5.HOUR.II|2026-03-01T11:00:00Z";
  }

  private static Reading hourlyMean(String station, Instant hourStart, double value) {
    return Reading.newBuilder().setStationId(station).setParameter("PM2_5").setMedium(Medium.AIR)
        .setObservedAt(hourStart).setPeriodSeconds(3600).setSampleMinutes(60).setValue(value).setUnit("ug/m3")
        .setSource("test").setReceivedAt(hourStart.plus(Duration.ofHours(1))).build();
  }

  private static Alert alert(String station) {
    return Alert.newBuilder().setAlertId(alertId(station)).setState(AlertState.OPEN).setSeverity("warning")
        .setStationId(station).setDistrict("东城").setMedium(Medium.AIR).setRuleId("GB3095-2012.PM2_5.HOUR.II")
        .setRuleSource("test").setParameter("PM2_5").setStatistic("HOUR_MEAN").setObserved(300.0).setThreshold(250.0)
        .setPeriodStart(H11).setEpisodeStart(H11).setTransitionAt(H11).setMessage("test alert").build();
  }

  private static PlanProgress progress(String scope, double actual) {
    return PlanProgress.newBuilder().setScope(scope).setTarget("pm25_annual").setYear(2026)
        .setAsOf(Instant.parse("2026-02-28T16:00:00Z")).setActual(actual).setTargetValue(29.0)
        .setOnTrack(actual <= 29.0).setDays(59).setSource("plan 002 annex 4").build();
  }

  private Response get(Instance instance, String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://" + instance.server.applicationServer() + path);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), JSON.readTree(response.body()));
  }

  private record Instance(KafkaStreams streams, StatusServer server) {}

  private record Response(int status, JsonNode body) {}
}
