package org.envmon.sinks.influx.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;

/** Immutable settings of an {@link InfluxSink}; build with {@link #builder()}. */
public final class InfluxSinkOptions {
  /** The topics a sink may write to InfluxDB. */
  public static final List<Topic<String, ?>> WRITABLE_TOPICS =
      List.of(Topics.HOURLY, Topics.AGGREGATES, Topics.AQI, Topics.ALERTS, Topics.PLAN_PROGRESS);

  private final String bootstrapServers;
  private final String groupId;
  private final List<Topic<String, ?>> topics;
  private final Duration pollTimeout;
  private final int maxPollRecords;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Map<String, Object> extraConsumerConfig;

  private InfluxSinkOptions(Builder b) {
    this.bootstrapServers = b.bootstrapServers;
    this.groupId = b.groupId;
    this.topics = List.copyOf(b.topics);
    this.pollTimeout = b.pollTimeout;
    this.maxPollRecords = b.maxPollRecords;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.extraConsumerConfig = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraConsumerConfig));
  }

  public static Builder builder() {
    return new Builder();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String groupId() {
    return groupId;
  }

  public List<Topic<String, ?>> topics() {
    return topics;
  }

  public Duration pollTimeout() {
    return pollTimeout;
  }

  public int maxPollRecords() {
    return maxPollRecords;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Further consumer/producer settings (e.g. security), applied last. */
  public Map<String, Object> extraClientConfig() {
    return extraConsumerConfig;
  }

  @Override
  public String toString() {
    return "InfluxSinkOptions{bootstrap=" + bootstrapServers + ", group=" + groupId + ", topics="
        + topics + ", maxPollRecords=" + maxPollRecords + ", backoff=" + initialBackoff + ".."
        + maxBackoff + ", extraClientConfig keys=" + extraConsumerConfig.keySet() + "}";
  }

  /** Validating builder. */
  public static final class Builder {
    private String bootstrapServers;
    private String groupId = "envmon-influx-sink";
    private List<Topic<String, ?>> topics = new ArrayList<>(WRITABLE_TOPICS);
    private Duration pollTimeout = Duration.ofMillis(500);
    private int maxPollRecords = 5000;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private final Map<String, Object> extraConsumerConfig = new LinkedHashMap<>();

    private Builder() {}

    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /** A subset of {@link #WRITABLE_TOPICS}; all of them by default. */
    public Builder topics(List<Topic<String, ?>> topics) {
      this.topics = new ArrayList<>(Objects.requireNonNull(topics, "topics"));
      return this;
    }

    public Builder pollTimeout(Duration pollTimeout) {
      this.pollTimeout = pollTimeout;
      return this;
    }

    public Builder maxPollRecords(int maxPollRecords) {
      this.maxPollRecords = maxPollRecords;
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    public Builder clientConfig(String key, Object value) {
      extraConsumerConfig.put(key, value);
      return this;
    }

    public InfluxSinkOptions build() {
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("Kafka bootstrap servers are not set, e.g. localhost:9092");
      }
      if (groupId == null || groupId.isBlank()) {
        throw new IllegalArgumentException("consumer group id must not be blank");
      }
      if (topics.isEmpty()) {
        throw new IllegalArgumentException("no topics to sink; choose from " + WRITABLE_TOPICS);
      }
      for (Topic<String, ?> t : topics) {
        if (!WRITABLE_TOPICS.contains(t)) {
          throw new IllegalArgumentException("topic " + t + " has no InfluxDB measurement; choose from "
              + WRITABLE_TOPICS);
        }
      }
      if (maxPollRecords < 1) {
        throw new IllegalArgumentException("maxPollRecords must be at least 1, was " + maxPollRecords);
      }
      if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
        throw new IllegalArgumentException("pollTimeout must be positive, was " + pollTimeout);
      }
      Backoff.requireValid(initialBackoff, maxBackoff);
      return new InfluxSinkOptions(this);
    }
  }
}
