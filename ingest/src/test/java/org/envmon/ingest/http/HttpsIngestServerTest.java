package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.json.TestStations;
import org.envmon.testkit.SelfSignedTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a keystore made by the JDK's keytool, and a client trusting that certificate only. */
class HttpsIngestServerTest {
  private static final String PASSWORD = "changeit-test";

  @Test
  void servesReadingsOverTls(@TempDir Path dir) throws Exception {
    Path keystore = SelfSignedTls.keystore(dir.resolve("server.p12"), PASSWORD);
    RecordingPublisher publisher = new RecordingPublisher();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, new IngestCounters(metrics),
        TestStations.CLOCK);
    HttpIngestConfig config = new HttpIngestConfig(new InetSocketAddress("127.0.0.1", 0), 10_000, 100,
        Duration.ofSeconds(5), 2, Optional.of(new HttpIngestConfig.Tls(keystore, PASSWORD)));

    try (HttpIngestServer server = HttpIngestServer.start(config, new TestStations(), intake, Optional::empty,
        metrics)) {
      HttpClient client = HttpClient.newBuilder().sslContext(SelfSignedTls.trusting(keystore, PASSWORD)).build();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
              URI.create("https://127.0.0.1:" + server.address().getPort() + "/api/v1/readings"))
          .header("Authorization", "Bearer " + TestStations.DONGSI_TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"station\":\"Dongsi\",\"parameter\":\"O3\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":120}"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(publisher.readings).hasSize(1);
    }
  }
}
