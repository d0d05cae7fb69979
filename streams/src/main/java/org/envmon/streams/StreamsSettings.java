package org.envmon.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.envmon.streams.errors.DeadLetterDeserializationHandler;
import org.envmon.streams.errors.DeadLetterProcessingHandler;
import org.envmon.streams.errors.DeadLetterProductionHandler;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.envmon.streams.qc.QcPolicy;

/**
 * Everything the envmon topology and its Kafka Streams runtime are configured with. Immutable;
 * build it with {@link #builder()}, which validates every value.
 */
public final class StreamsSettings {
  private final String applicationId;
  private final Duration grace;
  private final Duration dayCloseSpread;
  private final Duration lateBound;
  private final Duration punctuationInterval;
  private final Duration stationSilence;
  private final QcPolicy qcPolicy;
  private final Catalog catalog;
  private final EvaluationSettings evaluation;
  private final String processingGuarantee;
  private final int standbyReplicas;
  private final Duration commitInterval;
  private final long cacheMaxBytes;
  private final Path stateDir;
  private final String applicationServer;

  private StreamsSettings(Builder b) {
    this.applicationId = b.applicationId;
    this.grace = b.grace;
    this.dayCloseSpread = b.dayCloseSpread;
    this.lateBound = b.lateBound;
    this.punctuationInterval = b.punctuationInterval;
    this.stationSilence = b.stationSilence;
    this.qcPolicy = b.qcPolicy;
    this.catalog = b.catalog == null ? Catalog.builtIn() : b.catalog;
    this.evaluation = b.evaluation == null ? EvaluationSettings.builder(catalog).build() : b.evaluation;
    this.processingGuarantee = b.processingGuarantee;
    this.standbyReplicas = b.standbyReplicas;
    this.commitInterval = b.commitInterval;
    this.cacheMaxBytes = b.cacheMaxBytes;
    this.stateDir = b.stateDir;
    this.applicationServer = b.applicationServer;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults; see {@link Builder} for each value. */
  public static StreamsSettings defaults() {
    return builder().build();
  }

  /** Kafka Streams application id (consumer group, prefix of internal topics). */
  public String applicationId() {
    return applicationId;
  }

  /** How long after its end an hour or day still accepts data as on time. */
  public Duration grace() {
    return grace;
  }

  /**
   * Each station closes its day at the day's end plus the grace plus its own offset, a multiple
   * of 10 minutes strictly between 0 and this (from its id; see {@code DayCloseSpread}), so
   * stations whose clocks move together do not all close their days at the same reading.
   */
  public Duration dayCloseSpread() {
    return dayCloseSpread;
  }

  /**
   * How far back late data is still folded into recomputed aggregates; older data goes to the
   * late topic and the dead-letter topic. State keeps this much hourly history per series.
   */
  public Duration lateBound() {
    return lateBound;
  }

  /** Interval of the wall-clock punctuator that closes the windows of silent stations. */
  public Duration punctuationInterval() {
    return punctuationInterval;
  }

  /** A station that sent nothing for this long (wall clock) is silent: its windows close. */
  public Duration stationSilence() {
    return stationSilence;
  }

  /** QC thresholds. */
  public QcPolicy qcPolicy() {
    return qcPolicy;
  }

  /** The standards catalog the statistics and AQI are judged by. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Settings of the evaluation stages (alerts, station health thresholds, noise, water, VOCs,
   * plan progress with its as-year re-dating).
   */
  public EvaluationSettings evaluation() {
    return evaluation;
  }

  /** {@code exactly_once_v2} unless changed for a benchmark. */
  public String processingGuarantee() {
    return processingGuarantee;
  }

  public int standbyReplicas() {
    return standbyReplicas;
  }

  public Duration commitInterval() {
    return commitInterval;
  }

  public long cacheMaxBytes() {
    return cacheMaxBytes;
  }

  /** Kafka Streams state directory, or null for its default. */
  public Path stateDir() {
    return stateDir;
  }

  /**
   * {@code host:port} of this instance's status server ({@code application.server}), through
   * which other instances reach the status stores it holds; null when not set.
   */
  public String applicationServer() {
    return applicationServer;
  }

  /** Kafka Streams properties for a cluster at {@code bootstrapServers}. */
  public Properties toProperties(String bootstrapServers) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers are required, e.g. localhost:9092");
    }
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMaxBytes);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    enableGlobalProcessingHandler(p);
    // Partitions of a new application start at the beginning: a replay must not lose its head.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
    if (stateDir != null) {
      p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    }
    if (applicationServer != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    return p;
  }

  /**
   * The station registry's global store gets the same dead-letter handling as the tasks. The
   * setting is deprecated only because Kafka 5.0 makes it the default.
   */
  @SuppressWarnings("deprecation")
  private static void enableGlobalProcessingHandler(Properties p) {
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
  }

  /** Validating builder; every setter rejects nonsense with a message naming the setting. */
  public static final class Builder {
    private String applicationId = "envmon-streams";
    private Duration grace = Duration.ofHours(2);
    private Duration dayCloseSpread = Duration.ofHours(1);
    private Duration lateBound = Duration.ofDays(7);
    private Duration punctuationInterval = Duration.ofMinutes(1);
    private Duration stationSilence = Duration.ofHours(2);
    private QcPolicy qcPolicy = QcPolicy.defaults();
    private Catalog catalog;
    private EvaluationSettings evaluation;
    private String processingGuarantee = StreamsConfig.EXACTLY_ONCE_V2;
    private int standbyReplicas = 0;
    private Duration commitInterval = Duration.ofSeconds(1);
    private long cacheMaxBytes = 10L * 1024 * 1024;
    private Path stateDir;
    private String applicationServer;

    private Builder() {}

    /** Default {@code envmon-streams}. */
    public Builder applicationId(String id) {
      if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("application id must be letters, digits, '.', '_' or '-' (got '" + id + "')");
      }
      this.applicationId = id;
      return this;
    }

    /** Default 2 h; zero or more. */
    public Builder grace(Duration grace) {
      this.grace = nonNegative("grace", grace);
      return this;
    }

    /** Default 1 h; zero (every station closes its day at the day's end plus the grace) or more. */
    public Builder dayCloseSpread(Duration spread) {
      this.dayCloseSpread = nonNegative("dayCloseSpread", spread);
      return this;
    }

    /** Default 7 days; at least one day and more than the grace plus the day-close spread. */
    public Builder lateBound(Duration bound) {
      this.lateBound = nonNegative("lateBound", bound);
      return this;
    }

    /** Default 1 minute; positive. */
    public Builder punctuationInterval(Duration interval) {
      this.punctuationInterval = positive("punctuationInterval", interval);
      return this;
    }

    /** Default 2 h; positive. */
    public Builder stationSilence(Duration silence) {
      this.stationSilence = positive("stationSilence", silence);
      return this;
    }

    public Builder qcPolicy(QcPolicy policy) {
      this.qcPolicy = Objects.requireNonNull(policy, "qcPolicy");
      return this;
    }

    /** Default: the built-in catalog. */
    public Builder catalog(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Default: every evaluation policy's defaults, judged by {@link #catalog(Catalog)}. */
    public Builder evaluation(EvaluationSettings settings) {
      this.evaluation = Objects.requireNonNull(settings, "evaluation");
      return this;
    }

    /** Default {@code exactly_once_v2}; {@code at_least_once} is accepted for benchmarks. */
    public Builder processingGuarantee(String guarantee) {
      if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee) && !StreamsConfig.AT_LEAST_ONCE.equals(guarantee)) {
        throw new IllegalArgumentException("processing guarantee must be exactly_once_v2 or at_least_once (got '"
            + guarantee + "')");
      }
      this.processingGuarantee = guarantee;
      return this;
    }

    /** Default 0. */
    public Builder standbyReplicas(int replicas) {
      if (replicas < 0) {
        throw new IllegalArgumentException("standby replicas must be 0 or more (got " + replicas + ")");
      }
      this.standbyReplicas = replicas;
      return this;
    }

    /** Default 1 s (exactly-once commits are transactions; tests use 100 ms). */
    public Builder commitInterval(Duration interval) {
      this.commitInterval = positive("commitInterval", interval);
      return this;
    }

    /** Default 10 MiB; 0 turns the record cache off (tests). */
    public Builder cacheMaxBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("cacheMaxBytes must be 0 or more (got " + bytes + ")");
      }
      this.cacheMaxBytes = bytes;
      return this;
    }

    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /**
     * {@code host:port} at which other instances reach this instance's status server (Kafka
     * Streams {@code application.server}); required for status queries across several instances.
     * The host must be reachable from the other instances (not {@code 0.0.0.0}).
     */
    public Builder applicationServer(String hostPort) {
      int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
      if (colon <= 0 || !hostPort.substring(colon + 1).matches("[0-9]{1,5}")
          || Integer.parseInt(hostPort.substring(colon + 1)) == 0
          || Integer.parseInt(hostPort.substring(colon + 1)) > 65535 || hostPort.startsWith("0.0.0.0:")) {
        throw new IllegalArgumentException("application server must be host:port with a reachable host and a port "
            + "1-65535, e.g. envmon-1.internal:8082 (got '" + hostPort + "')");
      }
      this.applicationServer = hostPort;
      return this;
    }

    /** Settings for tests: commit every 100 ms, record cache off. */
    public Builder forTests() {
      return commitInterval(Duration.ofMillis(100)).cacheMaxBytes(0);
    }

    public StreamsSettings build() {
      if (lateBound.compareTo(grace.plus(dayCloseSpread)) <= 0) {
        throw new IllegalArgumentException("lateBound (" + lateBound + ") must be longer than grace (" + grace
            + ") plus dayCloseSpread (" + dayCloseSpread + "): a day is kept until it has closed");
      }
      if (lateBound.compareTo(Duration.ofDays(1)) < 0) {
        throw new IllegalArgumentException("lateBound must be at least one day so a day can be recomputed (got "
            + lateBound + ")");
      }
      return new StreamsSettings(this);
    }

    private static Duration nonNegative(String name, Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero or more (got " + d + ")");
      }
      return d;
    }

    private static Duration positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive (got " + d + ")");
      }
      return d;
    }
  }
}
