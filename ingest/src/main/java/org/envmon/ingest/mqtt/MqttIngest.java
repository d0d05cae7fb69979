package org.envmon.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationRateLimiter;
import org.envmon.ingest.json.CheckedBatch;
import org.envmon.ingest.json.JsonReadingParser;
import org.envmon.ingest.json.ParsedRecord;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.Rejection;
import org.envmon.ingest.json.UnreadableInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to station topics with QoS 1 in a persistent session and turns each JSON message
 * (one reading or an array) into readings. A message is acknowledged (PUBACK) only after Kafka
 * has its readings and the DLQ records of its refused records; until then the broker holds it,
 * also across a restart of envmon. When Kafka refuses, the message is retried with growing delay
 * and stays unacknowledged meanwhile, so the broker's receive maximum throttles the inflow.
 *
 * <p>Each station's records are bounded by a rate ({@link MqttIngestConfig#stationRate()}). The
 * records of a message beyond it go to the DLQ as {@code RATE_LIMITED} and the message is
 * acknowledged: holding it back instead would hold the receive window, which all stations share.
 */
public final class MqttIngest implements AutoCloseable {
  static final String SOURCE = "mqtt";
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
  private static final int QOS = 1;
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);

  private final MqttIngestConfig config;
  private final ReadingIntake intake;
  private final TopicStation topicStation;
  private final JsonReadingParser parser = new JsonReadingParser(SOURCE);
  private final MqttStationRate rate;
  private final MqttAsyncClient client;
  /** Runs acknowledgements and retries off the Kafka producer's and Paho's threads. */
  private final ScheduledExecutorService acks;

  private MqttIngest(MqttIngestConfig config, ReadingIntake intake) throws MqttException {
    this.config = config;
    this.intake = intake;
    this.topicStation = new TopicStation(config.topicFilter());
    this.rate = new MqttStationRate(new StationRateLimiter(config.stationRate()));
    this.client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    this.acks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "envmon-mqtt-acks");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Connects, subscribes and starts ingesting; reconnects by itself after a lost connection.
   *
   * @throws MqttException when the broker cannot be reached or refuses the connection
   */
  public static MqttIngest start(MqttIngestConfig config, ReadingIntake intake, Duration connectTimeout)
      throws MqttException {
    MqttIngest ingest = new MqttIngest(Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(intake, "intake"));
    try {
      ingest.connect(connectTimeout);
    } catch (MqttException | RuntimeException e) {
      ingest.close();
      throw e;
    }
    return ingest;
  }

  private void connect(Duration timeout) throws MqttException {
    client.setManualAcks(true);
    client.setCallback(new Callback());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
    options.setReceiveMaximum(config.receiveMaximum());
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 60);
    config.username().ifPresent(options::setUserName);
    config.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
    client.connect(options).waitForCompletion(timeout.toMillis());
    LOG.info("MQTT ingest connected to {} as {}, subscribing to {}", config.serverUri(), config.clientId(),
        config.topicFilter());
  }

  /** Whether the client is connected to the broker now. */
  public boolean isConnected() {
    return client.isConnected();
  }

  private final class Callback implements MqttCallback {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // The session keeps the subscription, but a broker that lost the session would not: ask again.
      try {
        client.subscribe(config.topicFilter(), QOS, null, new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            LOG.info("MQTT subscribed to {} on {}{}", config.topicFilter(), serverUri, reconnect ? " (reconnect)" : "");
          }

          @Override
          public void onFailure(IMqttToken token, Throwable error) {
            LOG.error("MQTT subscription to {} on {} failed: {}", config.topicFilter(), serverUri, error.toString());
          }
        });
      } catch (MqttException e) {
        LOG.error("MQTT cannot subscribe to {} on {}: {}", config.topicFilter(), serverUri, e.toString());
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      deliver(check(topic, message), topic, message.getId(), message.getQos(), FIRST_RETRY_DELAY);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      LOG.warn("MQTT disconnected from {}: {}; reconnecting", config.serverUri(), response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException error) {
      LOG.warn("MQTT error on {}: {}", config.serverUri(), error.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // envmon only subscribes; it publishes nothing whose delivery could complete.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // No enhanced authentication is configured.
    }
  }

  /** Parses and validates one message; records naming another station than the topic are refused. */
  private CheckedBatch check(String topic, MqttMessage message) {
    String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
    Optional<String> station = topicStation.of(topic);
    List<ParsedRecord> records;
    try {
      records = parser.parse(payload);
    } catch (UnreadableInputException e) {
      return CheckedBatch.unreadable(new Rejection(-1, RejectReason.MALFORMED, e.getMessage(), station.orElse(null),
          payload));
    }
    if (topicStation.namesStation()) {
      records = records.stream().map(r -> belongsToTopic(r, topic, station)).toList();
    }
    return intake.check(rate.apply(records, station.orElse(topic)));
  }

  private static ParsedRecord belongsToTopic(ParsedRecord r, String topic, Optional<String> station) {
    if (r.stationId() == null || station.isPresent() && station.get().equals(r.stationId())) {
      return r;
    }
    return r.refuse(RejectReason.AUTH_FAILED, "record " + r.index() + " names station '" + r.stationId()
        + "' but was published on topic '" + topic + "'; a station publishes only on its own topic");
  }

  private void deliver(CheckedBatch batch, String topic, int messageId, int qos, Duration retryDelay) {
    intake.publish(batch, SOURCE, topic).whenCompleteAsync((ok, error) -> {
      if (error == null) {
        acknowledge(topic, messageId, qos);
        return;
      }
      Duration next = retryDelay.multipliedBy(2).compareTo(config.maxRetryDelay()) > 0
          ? config.maxRetryDelay() : retryDelay.multipliedBy(2);
      LOG.warn("Kafka did not take message {} from {} ({}); retrying in {} ms, the message stays unacknowledged",
          messageId, topic, error.toString(), retryDelay.toMillis());
      acks.schedule(() -> deliver(batch, topic, messageId, qos, next), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    }, acks);
  }

  private void acknowledge(String topic, int messageId, int qos) {
    if (qos == 0) {
      return;
    }
    try {
      client.messageArrivedComplete(messageId, qos);
    } catch (MqttException e) {
      // Kafka has the readings; the broker redelivers the message after reconnecting and the
      // readings are written once more (at-least-once).
      LOG.warn("MQTT cannot acknowledge message {} from {}: {}; the broker will redeliver it", messageId, topic,
          e.toString());
    }
  }

  /** Disconnects, leaving unacknowledged messages with the broker for the next start. */
  @Override
  public void close() {
    acks.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(5_000).waitForCompletion(6_000);
      }
    } catch (MqttException e) {
      LOG.warn("MQTT disconnect from {} failed: {}", config.serverUri(), e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.warn("MQTT client close failed: {}", e.toString());
    }
  }
}
