package org.envmon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.testkit.SelfSignedTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the endpoints {@code envmon run} starts, with the keystore password from a file (the
 * environment variable it names is unset). No Kafka is needed: a wrong token is refused before
 * anything would be published.
 */
class IngestEndpointsTlsTest {
  private static final String PASSWORD = "changeit-envmon-test";
  private static final String UNSET_VARIABLE = "SURELY_UNSET_ENVMON_TLS_TEST_VAR";

  @TempDir
  Path dir;

  @Test
  void servesHttpsWithTheKeystorePasswordFromAFile() throws Exception {
    Path keystore = SelfSignedTls.keystore(dir.resolve("server.p12"), PASSWORD);
    Path passwordFile = dir.resolve("tls-password");
    Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
    EnvmonConfig config = ConfigLoader.load(null, Map.of(
        EnvmonConfig.KAFKA_BOOTSTRAP, "127.0.0.1:1",
        EnvmonConfig.RAW_TOPIC_ENABLED, "false",
        EnvmonConfig.HJ212_PORT, "-1",
        EnvmonConfig.HTTP_TLS_KEYSTORE, keystore.toString(),
        EnvmonConfig.HTTP_TLS_PASSWORD_ENV, UNSET_VARIABLE,
        EnvmonConfig.HTTP_TLS_PASSWORD_FILE, passwordFile.toString()));

    try (IngestEndpoints endpoints = ShippedEndpoints.start(config)) {
      HttpClient client = HttpClient.newBuilder().sslContext(SelfSignedTls.trusting(keystore, PASSWORD)).build();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
              + endpoints.httpAddress().getPort() + "/api/v1/readings"))
          .header("Authorization", "Bearer not-a-token").POST(HttpRequest.BodyPublishers.ofString("{}"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as("answered over TLS, and the unknown token refused").isEqualTo(401);
    }
  }

  @Test
  void aKeystoreWithoutAPasswordIsRefusedNamingBothPlaces() throws Exception {
    EnvmonConfig config = ConfigLoader.load(null, Map.of(
        EnvmonConfig.KAFKA_BOOTSTRAP, "127.0.0.1:1",
        EnvmonConfig.RAW_TOPIC_ENABLED, "false",
        EnvmonConfig.HJ212_PORT, "-1",
        EnvmonConfig.HTTP_TLS_KEYSTORE, SelfSignedTls.keystore(dir.resolve("server.p12"), PASSWORD).toString(),
        EnvmonConfig.HTTP_TLS_PASSWORD_ENV, UNSET_VARIABLE));

    assertThatThrownBy(() -> ShippedEndpoints.start(config).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS keystore").hasMessageContaining(UNSET_VARIABLE)
        .hasMessageContaining(EnvmonConfig.HTTP_TLS_PASSWORD_FILE);
  }
}
