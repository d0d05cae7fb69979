package org.envmon.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status server's HTTP behaviour while Kafka Streams is not running yet (no broker needed). */
class StatusServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path stateDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private StatusServer server;
  private KafkaStreams streams;

  @BeforeEach
  void start() throws Exception {
    server = StatusServer.bind(new InetSocketAddress("localhost", 0), "localhost");
    StreamsSettings settings = StreamsSettings.builder().stateDir(stateDir)
        .applicationServer(server.applicationServer()).build();
    // Never started: nothing connects to this address, and every store is unavailable.
    streams = new KafkaStreams(EnvmonTopology.build(settings), settings.toProperties("localhost:9"));
    server.start(streams);
  }

  @AfterEach
  void stop() {
    server.close();
    streams.close(Duration.ofSeconds(5));
  }

  @Test
  void everyQueryIs503WithRetryAfterUntilTheStoresAreQueryable() throws Exception {
    for (String path : new String[] {StatusPaths.STATIONS, StatusPaths.STATIONS + "/Dongsi", StatusPaths.ALERTS_OPEN,
        StatusPaths.PLAN, StatusPaths.PEER + "status-latest-hourly"}) {
      HttpResponse<String> r = send("GET", path);
      assertThat(r.statusCode()).as(path).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).as(path).contains("2");
      assertThat(r.headers().firstValue("Content-Type")).as(path).contains("application/json; charset=utf-8");
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("retryable").asBoolean()).as(path).isTrue();
      assertThat(body.get("error").asText()).as(path).contains("CREATED");
    }
  }

  @Test
  void unknownPathsAndStoresAre404AndOtherMethods405() throws Exception {
    HttpResponse<String> unknown = send("GET", "/api/v1/status/nothing");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("/api/v1/status/stations");

    assertThat(send("GET", StatusPaths.PEER + "air-days").statusCode()).isEqualTo(404);

    HttpResponse<String> post = send("POST", StatusPaths.STATIONS);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET");
  }

  @Test
  void advertisedAddressIsTheBoundPortOnAReachableHost() {
    assertThat(server.advertised().port()).isEqualTo(server.address().getPort()).isPositive();
    assertThat(server.applicationServer()).isEqualTo("localhost:" + server.address().getPort());
    assertThatThrownBy(() -> StatusServer.bind(new InetSocketAddress("localhost", 0), "0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advertised");
    assertThatThrownBy(() -> server.start(streams)).isInstanceOf(IllegalStateException.class);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + server.applicationServer() + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
