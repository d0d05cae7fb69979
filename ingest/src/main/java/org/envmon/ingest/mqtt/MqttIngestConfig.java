package org.envmon.ingest.mqtt;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.envmon.ingest.core.StationRate;

/**
 * Settings of the MQTT subscriber.
 *
 * @param serverUri      broker, e.g. tcp://mosquitto:1883 or ssl://broker:8883
 * @param clientId       stable id: the broker keeps the session (subscription and unacknowledged
 *                       messages) under it while envmon is away
 * @param topicFilter    subscription, e.g. envmon/stations/+/readings; the first + is the station
 * @param sessionExpiry  how long the broker keeps the session after a disconnect
 * @param receiveMaximum messages the broker may have in flight to us before our PUBACKs
 * @param username       broker user, if the broker wants one
 * @param password       broker password, if the broker wants one
 * @param maxRetryDelay  longest wait between attempts to hand a message to Kafka
 * @param stationRate    records per second and burst of one station; the records of a message
 *                       beyond it go to the DLQ as RATE_LIMITED (and the message is acknowledged)
 */
public record MqttIngestConfig(String serverUri, String clientId, String topicFilter, Duration sessionExpiry,
                               int receiveMaximum, Optional<String> username, Optional<String> password,
                               Duration maxRetryDelay, StationRate stationRate) {
  public static final String DEFAULT_TOPIC_FILTER = "envmon/stations/+/readings";
  public static final String DEFAULT_CLIENT_ID = "envmon-ingest";
  public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
  public static final int DEFAULT_RECEIVE_MAXIMUM = 100;
  public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(30);
  /** As for HTTP: far above what a station sends, including a backfill. */
  public static final StationRate DEFAULT_STATION_RATE = new StationRate(100, 5_000);

  public MqttIngestConfig {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(topicFilter, "topicFilter");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
    Objects.requireNonNull(stationRate, "stationRate");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("MQTT client id must not be blank: the persistent session is kept under it");
    }
    if (receiveMaximum < 1 || receiveMaximum > 65_535) {
      throw new IllegalArgumentException("MQTT receive maximum must be 1..65535, got " + receiveMaximum);
    }
  }

  /** With the default per-station rate. */
  public MqttIngestConfig(String serverUri, String clientId, String topicFilter, Duration sessionExpiry,
                          int receiveMaximum, Optional<String> username, Optional<String> password,
                          Duration maxRetryDelay) {
    this(serverUri, clientId, topicFilter, sessionExpiry, receiveMaximum, username, password, maxRetryDelay,
        DEFAULT_STATION_RATE);
  }

  /** The defaults for a broker, anonymous. */
  public static MqttIngestConfig defaults(String serverUri) {
    return new MqttIngestConfig(serverUri, DEFAULT_CLIENT_ID, DEFAULT_TOPIC_FILTER, DEFAULT_SESSION_EXPIRY,
        DEFAULT_RECEIVE_MAXIMUM, Optional.empty(), Optional.empty(), DEFAULT_MAX_RETRY_DELAY);
  }

  @Override
  public String toString() {
    return "MqttIngestConfig[serverUri=" + serverUri + ", clientId=" + clientId + ", topicFilter=" + topicFilter
        + ", sessionExpiry=" + sessionExpiry + ", receiveMaximum=" + receiveMaximum + ", username="
        + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + ", stationRate=" + stationRate
        + "]";
  }
}
