package org.envmon.sinks.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.envmon.schemas.Alert;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;

/**
 * Settings of {@link AlertDelivery}. Build with {@link #builder()}; only the bootstrap servers are
 * required.
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param clientConfig      further Kafka client settings (TLS, SASL), given to every client
 * @param alertsTopic       where alert transitions are read ({@link Topics#ALERTS})
 * @param deadLetterTopic   where undeliverable alerts go ({@link Topics#SINK_DLQ})
 * @param subscribers       webhook subscribers; each gets its own consumer group
 * @param groupIdPrefix     consumer group of a subscriber = prefix + name
 * @param newSubscriberStart where a subscriber without committed offsets starts reading
 * @param maxAttempts       attempts per alert and subscriber before it is dead-lettered
 * @param initialBackoff    wait before the first retry; doubles up to maxBackoff, with jitter
 * @param maxBackoff        longest wait between two attempts
 * @param connectTimeout    TCP connect timeout of a webhook request
 * @param requestTimeout    timeout of a webhook request, connect to last byte
 * @param httpAddress       where to serve SSE and the open-alerts API; empty = no HTTP server
 * @param maxStreamClients  concurrent SSE connections; more are answered 503
 * @param streamHeartbeat   idle time after which an SSE comment is sent, so dead clients are noticed
 * @param meters            where webhook counters are registered (give the one /metrics exposes)
 */
public record AlertDeliveryOptions(String bootstrapServers, Map<String, Object> clientConfig,
                                   Topic<String, Alert> alertsTopic, Topic<String, DeadLetter> deadLetterTopic,
                                   List<WebhookSubscriber> subscribers, String groupIdPrefix,
                                   NewSubscriberStart newSubscriberStart, int maxAttempts,
                                   Duration initialBackoff, Duration maxBackoff, Duration connectTimeout,
                                   Duration requestTimeout, Optional<InetSocketAddress> httpAddress,
                                   int maxStreamClients, Duration streamHeartbeat, MeterRegistry meters) {
  public AlertDeliveryOptions {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("alert delivery needs the Kafka bootstrap servers");
    }
    clientConfig = Map.copyOf(clientConfig);
    Objects.requireNonNull(alertsTopic, "alertsTopic");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    subscribers = List.copyOf(subscribers);
    Set<String> names = new HashSet<>();
    for (WebhookSubscriber s : subscribers) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two webhook subscribers are named '" + s.name() + "'; names must be unique");
      }
    }
    Objects.requireNonNull(groupIdPrefix, "groupIdPrefix");
    Objects.requireNonNull(newSubscriberStart, "newSubscriberStart");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got initial=" + initialBackoff
          + " max=" + maxBackoff);
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(streamHeartbeat, "streamHeartbeat");
    Objects.requireNonNull(httpAddress, "httpAddress");
    Objects.requireNonNull(meters, "meters");
    if (maxStreamClients < 1) {
      throw new IllegalArgumentException("maxStreamClients must be at least 1, got " + maxStreamClients);
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  /** Where a subscriber that never committed an offset starts. */
  public enum NewSubscriberStart {
    /** With the alerts raised from its first start on (no flood of past alerts). */
    LATEST,
    /** With every alert still retained in the topic. */
    EARLIEST
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the defaults documented in docs/alerts.md. */
  public static final class Builder {
    private String bootstrapServers;
    private Map<String, Object> clientConfig = new HashMap<>();
    private Topic<String, Alert> alertsTopic = Topics.ALERTS;
    private Topic<String, DeadLetter> deadLetterTopic = Topics.SINK_DLQ;
    private List<WebhookSubscriber> subscribers = List.of();
    private String groupIdPrefix = "envmon-webhook-";
    private NewSubscriberStart newSubscriberStart = NewSubscriberStart.LATEST;
    private int maxAttempts = 8;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private InetSocketAddress httpAddress;
    private int maxStreamClients = 100;
    private Duration streamHeartbeat = Duration.ofSeconds(15);
    private MeterRegistry meters = new SimpleMeterRegistry();

    private Builder() {}

    public Builder bootstrapServers(String v) { bootstrapServers = v; return this; }
    public Builder clientConfig(Map<String, Object> v) { clientConfig = new HashMap<>(v); return this; }
    public Builder alertsTopic(Topic<String, Alert> v) { alertsTopic = v; return this; }
    public Builder deadLetterTopic(Topic<String, DeadLetter> v) { deadLetterTopic = v; return this; }
    public Builder subscribers(List<WebhookSubscriber> v) { subscribers = v; return this; }
    public Builder groupIdPrefix(String v) { groupIdPrefix = v; return this; }
    public Builder newSubscriberStart(NewSubscriberStart v) { newSubscriberStart = v; return this; }
    public Builder maxAttempts(int v) { maxAttempts = v; return this; }
    public Builder backoff(Duration initial, Duration max) { initialBackoff = initial; maxBackoff = max; return this; }
    public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
    public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
    /** Serve SSE and the open-alerts API here (port 0 picks a free port); not called = no HTTP server. */
    public Builder httpAddress(InetSocketAddress v) { httpAddress = v; return this; }
    public Builder maxStreamClients(int v) { maxStreamClients = v; return this; }
    public Builder streamHeartbeat(Duration v) { streamHeartbeat = v; return this; }
    public Builder meters(MeterRegistry v) { meters = v; return this; }

    public AlertDeliveryOptions build() {
      return new AlertDeliveryOptions(bootstrapServers, clientConfig, alertsTopic, deadLetterTopic, subscribers,
          groupIdPrefix, newSubscriberStart, maxAttempts, initialBackoff, maxBackoff, connectTimeout, requestTimeout,
          Optional.ofNullable(httpAddress), maxStreamClients, streamHeartbeat, meters);
    }
  }
}
