package org.envmon.app.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.sinks.influx.point.NoiseZones;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.sinks.influx.sink.InfluxSink;
import org.envmon.sinks.influx.sink.InfluxSinkOptions;
import org.envmon.sinks.influx.write.InfluxV1Options;
import org.envmon.sinks.influx.write.InfluxV1Writer;
import org.envmon.sinks.influx.write.InfluxV2Options;
import org.envmon.sinks.influx.write.InfluxV2Writer;
import org.envmon.sinks.influx.write.InfluxWriter;
import org.envmon.sinks.influx.write.Secret;
import org.envmon.standards.catalog.Catalog;

/** Builds the InfluxDB sink the configuration asks for (none when influx.url is empty). */
final class InfluxSinks {
  private InfluxSinks() {}

  static Optional<InfluxSink> fromConfig(EnvmonConfig config, StationRegistry stations, Catalog catalog,
                                         MeterRegistry meters, String groupId) {
    String url = config.getString(EnvmonConfig.INFLUX_URL);
    if (url.isBlank()) {
      return Optional.empty();
    }
    InfluxWriter writer = config.getString(EnvmonConfig.INFLUX_API).equals("v1") ? v1(config, url) : v2(config, url);
    InfluxSinkOptions.Builder options = InfluxSinkOptions.builder()
        .bootstrapServers(String.join(",", config.getList(EnvmonConfig.KAFKA_BOOTSTRAP)))
        .groupId(groupId)
        .topics(InfluxSinkOptions.WRITABLE_TOPICS);
    // TLS, SASL and other kafka.* settings reach the sink's consumer and DLQ producer too.
    config.kafkaClientProperties().forEach((k, v) -> {
      if (!k.equals("bootstrap.servers")) {
        options.clientConfig(k.toString(), v);
      }
    });
    NoiseZones zones = StationNoiseZones.of(stations, catalog);
    return Optional.of(new InfluxSink(options.build(), writer, new PointMapper(zones), meters));
  }

  private static InfluxWriter v1(EnvmonConfig config, String url) {
    String user = config.getString(EnvmonConfig.INFLUX_USERNAME);
    Secret password = user.isBlank() ? null : ConfiguredSecrets.require(config, EnvmonConfig.INFLUX_PASSWORD_ENV,
        EnvmonConfig.INFLUX_PASSWORD_FILE, "the password of InfluxDB user " + user);
    createDatabase(url, config.getString(EnvmonConfig.INFLUX_DATABASE), user, password);
    return new InfluxV1Writer(v1Options(config, url, password));
  }

  /** The 1.x writer's options; {@code password} is null without {@code influx.username}. */
  static InfluxV1Options v1Options(EnvmonConfig config, String url, Secret password) {
    InfluxV1Options.Builder b = InfluxV1Options.builder().url(url)
        .database(config.getString(EnvmonConfig.INFLUX_DATABASE))
        .gzip(config.getBoolean(EnvmonConfig.INFLUX_GZIP));
    String rp = config.getString(EnvmonConfig.INFLUX_RETENTION_POLICY);
    if (!rp.isBlank()) {
      b.retentionPolicy(rp);
    }
    String user = config.getString(EnvmonConfig.INFLUX_USERNAME);
    if (!user.isBlank()) {
      b.credentials(user, password);
    }
    return b.build();
  }

  private static InfluxWriter v2(EnvmonConfig config, String url) {
    Secret token = ConfiguredSecrets.require(config, EnvmonConfig.INFLUX_TOKEN_ENV, EnvmonConfig.INFLUX_TOKEN_FILE,
        "an InfluxDB 2.x token");
    return new InfluxV2Writer(v2Options(config, url, token));
  }

  /** The 2.x writer's options. */
  static InfluxV2Options v2Options(EnvmonConfig config, String url, Secret token) {
    return InfluxV2Options.builder().url(url)
        .org(config.getString(EnvmonConfig.INFLUX_ORG))
        .bucket(config.getString(EnvmonConfig.INFLUX_BUCKET))
        .token(token)
        .gzip(config.getBoolean(EnvmonConfig.INFLUX_GZIP))
        .build();
  }

  /**
   * InfluxDB 1.x needs the database to exist before /write; CREATE DATABASE is idempotent. An
   * unreachable InfluxDB is waited for (nothing is lost meanwhile: the aggregates wait in
   * Kafka); an InfluxDB that answers with an error is a configuration problem and stops the start.
   */
  private static void createDatabase(String url, String database, String user, Secret password) {
    long waitMs = 500;
    long nextNotice = 0;
    while (true) {
      try {
        tryCreateDatabase(url, database, user, password);
        return;
      } catch (UncheckedIOException e) {
        if (System.currentTimeMillis() >= nextNotice) {
          System.out.println("envmon: waiting for InfluxDB at " + url + " (" + e.getCause()
              + "); the results wait in Kafka meanwhile");
          nextNotice = System.currentTimeMillis() + 30_000;
        }
        try {
          Thread.sleep(waitMs);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for InfluxDB at " + url, interrupted);
        }
        waitMs = Math.min(10_000, waitMs * 2);
      }
    }
  }

  private static void tryCreateDatabase(String url, String database, String user, Secret password) {
    String q = "CREATE DATABASE \"" + database.replace("\"", "\\\"") + "\"";
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(url.replaceAll("/+$", "") + "/query?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (password != null) {
      String basic = Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + basic);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("InfluxDB at " + url + " refused CREATE DATABASE " + database
            + ": HTTP " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the InfluxDB database", e);
    }
  }
}
