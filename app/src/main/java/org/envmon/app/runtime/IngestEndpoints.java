package org.envmon.app.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationRate;
import org.envmon.ingest.hj212.Hj212Mapping;
import org.envmon.ingest.hj212.Hj212Server;
import org.envmon.ingest.hj212.Hj212ServerOptions;
import org.envmon.ingest.http.HttpIngestConfig;
import org.envmon.ingest.http.HttpIngestServer;
import org.envmon.ingest.http.KafkaClusterHealth;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.kafkajson.KafkaJsonIngest;
import org.envmon.ingest.mqtt.MqttIngest;
import org.envmon.ingest.mqtt.MqttIngestConfig;
import org.envmon.ingest.registry.StationRegistry;

/**
 * The ingest endpoints the configuration enables: HJ 212 over TCP, HTTP, MQTT and the Kafka JSON
 * topic, all validating through the station registry and publishing with one idempotent producer.
 */
public final class IngestEndpoints implements AutoCloseable {
  private final KafkaReadingPublisher publisher;
  private final Admin admin;
  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<String> described = new ArrayList<>();
  private InetSocketAddress hj212Address;
  private InetSocketAddress httpAddress;

  private IngestEndpoints(KafkaReadingPublisher publisher, Admin admin) {
    this.publisher = publisher;
    this.admin = admin;
  }

  public static IngestEndpoints start(EnvmonConfig config, StationRegistry stations, PrometheusMeterRegistry meters,
                                      PrintStream log) throws IOException, InterruptedException {
    Properties client = config.kafkaClientProperties();
    IngestEndpoints endpoints = new IngestEndpoints(new KafkaReadingPublisher(client),
        Admin.create(config.kafkaClientConfig()));
    try {
      endpoints.startAll(config, stations, meters, client);
    } catch (IOException | RuntimeException | InterruptedException e) {
      endpoints.close();
      throw e;
    }
    return endpoints;
  }

  private void startAll(EnvmonConfig config, StationRegistry stations, PrometheusMeterRegistry meters,
                        Properties client) throws IOException, InterruptedException {
    Clock clock = Clock.systemUTC();
    ReadingValidator validator = new ReadingValidator(stations, clock,
        Duration.ofMillis(config.getLong(EnvmonConfig.MAX_FUTURE_MS)));
    IngestCounters counters = new IngestCounters(meters);
    ReadingIntake intake = new ReadingIntake(validator, publisher, counters, clock);

    int hj212Port = config.getInt(EnvmonConfig.HJ212_PORT);
    if (hj212Port >= 0) {
      Hj212ServerOptions options = Hj212ServerOptions.builder().port(hj212Port)
          .maxConnectionsPerStation(config.getInt(EnvmonConfig.HJ212_STATION_MAX_CONNECTIONS))
          .maxUnauthenticatedPerHost(config.getInt(EnvmonConfig.HJ212_HOST_MAX_UNAUTHENTICATED))
          .stationRate(rate(config, EnvmonConfig.HJ212_STATION_RATE, EnvmonConfig.HJ212_STATION_BURST))
          .build();
      Hj212Server hj212 = new Hj212Server(options, stations, validator, publisher, Hj212Mapping.defaults(), meters);
      hj212Address = hj212.start();
      running.add(hj212);
      described.add("HJ 212 on tcp://" + hostPort(hj212Address));
    }
    int httpPort = config.getInt(EnvmonConfig.HTTP_PORT);
    if (httpPort >= 0) {
      HttpIngestServer http = HttpIngestServer.start(httpConfig(config, new InetSocketAddress("0.0.0.0", httpPort)),
          stations, intake, new KafkaClusterHealth(admin, Duration.ofSeconds(5)), meters);
      httpAddress = http.address();
      running.add(http);
      String scheme = config.getString(EnvmonConfig.HTTP_TLS_KEYSTORE).isBlank() ? "http" : "https";
      described.add("HTTP on " + scheme + "://" + hostPort(httpAddress) + "/api/v1/readings");
    }
    String mqttUrl = config.getString(EnvmonConfig.MQTT_URL);
    if (!mqttUrl.isBlank()) {
      MqttIngestConfig defaults = MqttIngestConfig.defaults(mqttUrl);
      String user = config.getString(EnvmonConfig.MQTT_USERNAME);
      Optional<String> password = user.isBlank() ? Optional.empty()
          : Optional.of(ConfiguredSecrets.require(config, EnvmonConfig.MQTT_PASSWORD_ENV,
              EnvmonConfig.MQTT_PASSWORD_FILE, "the password of MQTT user " + user).reveal());
      MqttIngestConfig mqtt = new MqttIngestConfig(mqttUrl, config.getString(EnvmonConfig.MQTT_CLIENT_ID),
          config.getString(EnvmonConfig.MQTT_TOPIC), defaults.sessionExpiry(), defaults.receiveMaximum(),
          user.isBlank() ? Optional.empty() : Optional.of(user), password, defaults.maxRetryDelay(),
          rate(config, EnvmonConfig.MQTT_STATION_RATE, EnvmonConfig.MQTT_STATION_BURST));
      try {
        running.add(MqttIngest.start(mqtt, intake, Duration.ofSeconds(30)));
      } catch (MqttException e) {
        throw new IllegalStateException("cannot subscribe to MQTT broker " + mqttUrl + ": " + e.getMessage()
            + "; check " + EnvmonConfig.MQTT_URL + (user.isBlank() ? "" : ", " + EnvmonConfig.MQTT_USERNAME
            + " and the password (" + EnvmonConfig.MQTT_PASSWORD_ENV + ", " + EnvmonConfig.MQTT_PASSWORD_FILE + ")"), e);
      }
      described.add("MQTT from " + mqttUrl + " topic " + mqtt.topicFilter() + (user.isBlank() ? "" : " as " + user));
    }
    if (config.getBoolean(EnvmonConfig.RAW_TOPIC_ENABLED)) {
      running.add(KafkaJsonIngest.start(client, validator, counters, clock));
      described.add("Kafka JSON from envmon.readings.raw");
    }
  }

  private static StationRate rate(EnvmonConfig config, String perSecondKey, String burstKey) {
    return new StationRate(config.getDouble(perSecondKey), config.getInt(burstKey));
  }

  private static HttpIngestConfig httpConfig(EnvmonConfig config, InetSocketAddress address) {
    HttpIngestConfig plain = HttpIngestConfig.defaults(address).withStationLimits(
        rate(config, EnvmonConfig.HTTP_STATION_RATE, EnvmonConfig.HTTP_STATION_BURST),
        config.getInt(EnvmonConfig.HTTP_STATION_MAX_INFLIGHT))
        .withRequestTimeout(Duration.ofMillis(config.getLong(EnvmonConfig.HTTP_REQUEST_TIMEOUT_MS)));
    String keystore = config.getString(EnvmonConfig.HTTP_TLS_KEYSTORE);
    if (keystore.isBlank()) {
      return plain;
    }
    String password = ConfiguredSecrets.require(config, EnvmonConfig.HTTP_TLS_PASSWORD_ENV,
        EnvmonConfig.HTTP_TLS_PASSWORD_FILE, "the password of the HTTPS keystore " + keystore + " ("
            + EnvmonConfig.HTTP_TLS_KEYSTORE + ")").reveal();
    return plain.withTls(new HttpIngestConfig.Tls(java.nio.file.Path.of(keystore), password));
  }

  /** host:port to reach an endpoint; a wildcard bind is reachable on loopback. */
  static String hostPort(InetSocketAddress a) {
    String host = a.getAddress() != null && a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
    return host + ":" + a.getPort();
  }

  public InetSocketAddress hj212Address() {
    return hj212Address;
  }

  public InetSocketAddress httpAddress() {
    return httpAddress;
  }

  public String describe() {
    return described.isEmpty() ? "no ingest endpoint enabled" : "ingest: " + String.join(", ", described);
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("envmon: error while stopping an ingest endpoint: " + e.getMessage());
      }
    }
    publisher.close();
    admin.close(Duration.ofSeconds(5));
  }
}
