package org.envmon.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of an {@link EmbeddedKafkaBroker}. Built with {@link #builder()}, which
 * validates every value; port 0 means "pick a free port when the broker starts".
 */
public final class BrokerOptions {
  /** Where the broker keeps its logs and cluster id unless told otherwise. */
  public static final Path DEFAULT_DATA_DIR = Path.of("data", "kafka");
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Partitions of the envmon topics unless configured: a multiple of the default two stream threads. */
  public static final int DEFAULT_PARTITIONS = 4;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final String host;
  private final int brokerPort;
  private final int controllerPort;
  private final int defaultPartitions;
  private final Duration startTimeout;
  private final Map<String, String> serverProperties;
  private final List<ListenerSpec> extraListeners;

  private BrokerOptions(Builder b) {
    this.dataDir = b.dataDir.toAbsolutePath().normalize();
    this.host = b.host;
    this.brokerPort = b.brokerPort;
    this.controllerPort = b.controllerPort;
    this.defaultPartitions = b.defaultPartitions;
    this.startTimeout = b.startTimeout;
    this.serverProperties = Map.copyOf(b.serverProperties);
    this.extraListeners = List.copyOf(b.extraListeners);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these options, e.g. to restart on the same directory and ports. */
  public Builder toBuilder() {
    Builder b = new Builder()
        .dataDir(dataDir)
        .host(host)
        .brokerPort(brokerPort)
        .controllerPort(controllerPort)
        .defaultPartitions(defaultPartitions)
        .startTimeout(startTimeout)
        .serverProperties(serverProperties);
    extraListeners.forEach(b::listener);
    return b;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String host() {
    return host;
  }

  /** Port of the PLAINTEXT client listener; 0 until resolved at start. */
  public int brokerPort() {
    return brokerPort;
  }

  /** Port of the KRaft controller listener (always bound to 127.0.0.1); 0 until resolved at start. */
  public int controllerPort() {
    return controllerPort;
  }

  /** Partitions of auto-created topics and of {@link EmbeddedKafkaBroker#createTopics(java.util.Collection)}. */
  public int defaultPartitions() {
    return defaultPartitions;
  }

  public Duration startTimeout() {
    return startTimeout;
  }

  /** Kafka server properties that override envmon's single-node defaults. */
  public Map<String, String> serverProperties() {
    return serverProperties;
  }

  /** Listeners in addition to PLAINTEXT and CONTROLLER, e.g. SASL_PLAINTEXT or SSL. */
  public List<ListenerSpec> extraListeners() {
    return extraListeners;
  }

  @Override
  public String toString() {
    return "BrokerOptions[dataDir=" + dataDir + ", host=" + host + ", brokerPort=" + brokerPort
        + ", controllerPort=" + controllerPort + ", defaultPartitions=" + defaultPartitions
        + ", listeners=" + extraListeners.stream().map(ListenerSpec::name).toList() + "]";
  }

  /** Validating builder; each setter rejects a bad value at once, with the reason. */
  public static final class Builder {
    private static final String RESERVED_HELP =
        "it is managed by the embedded broker; use the builder's dedicated option instead";
    private static final List<String> RESERVED_PROPERTIES = List.of(
        "listeners", "advertised.listeners", "controller.listener.names", "listener.security.protocol.map",
        "process.roles", "node.id", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
        "log.dirs", "log.dir", "metadata.log.dir", "inter.broker.listener.name");

    private Path dataDir = DEFAULT_DATA_DIR;
    private String host = DEFAULT_HOST;
    private int brokerPort;
    private int controllerPort;
    private int defaultPartitions = DEFAULT_PARTITIONS;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private final Map<String, String> serverProperties = new LinkedHashMap<>();
    private final List<ListenerSpec> extraListeners = new ArrayList<>();

    private Builder() {}

    public Builder dataDir(Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "dataDir must not be null");
      return this;
    }

    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must be a host name or IP address, got '" + host + "'");
      }
      String h = host.strip();
      if (h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
        throw new IllegalArgumentException("host must be an address clients can connect to (it is also advertised"
            + " to them); '" + h + "' is not. Use the machine's address or name, or 127.0.0.1");
      }
      this.host = h;
      return this;
    }

    /** Client (PLAINTEXT) port; 0 picks a free one at start. */
    public Builder brokerPort(int port) {
      this.brokerPort = checkPort("broker port", port);
      return this;
    }

    /** KRaft controller port; 0 picks a free one at start. */
    public Builder controllerPort(int port) {
      this.controllerPort = checkPort("controller port", port);
      return this;
    }

    public Builder defaultPartitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("defaultPartitions must be at least 1, got " + partitions);
      }
      this.defaultPartitions = partitions;
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "startTimeout must not be null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, got " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** Sets one Kafka server property, overriding envmon's single-node default. */
    public Builder serverProperty(String key, String value) {
      Objects.requireNonNull(key, "server property key must not be null");
      Objects.requireNonNull(value, "value of server property '" + key + "' must not be null");
      if (RESERVED_PROPERTIES.contains(key)) {
        throw new IllegalArgumentException("server property '" + key + "' cannot be set: " + RESERVED_HELP);
      }
      serverProperties.put(key, value);
      return this;
    }

    public Builder serverProperties(Map<String, String> properties) {
      properties.forEach(this::serverProperty);
      return this;
    }

    /** Adds a listener besides PLAINTEXT and CONTROLLER (names must be unique). */
    public Builder listener(ListenerSpec listener) {
      Objects.requireNonNull(listener, "listener must not be null");
      String name = listener.name().toUpperCase(Locale.ROOT);
      if (name.equals(ListenerSpec.PLAINTEXT) || name.equals(ListenerSpec.CONTROLLER)
          || extraListeners.stream().anyMatch(l -> l.name().equalsIgnoreCase(name))) {
        throw new IllegalArgumentException("listener name '" + listener.name() + "' is already used;"
            + " choose another name (PLAINTEXT and CONTROLLER are reserved)");
      }
      extraListeners.add(listener);
      return this;
    }

    public BrokerOptions build() {
      if (brokerPort != 0 && brokerPort == controllerPort) {
        throw new IllegalArgumentException("broker port and controller port must differ, both are " + brokerPort);
      }
      for (ListenerSpec l : extraListeners) {
        if (l.port() != 0 && (l.port() == brokerPort || l.port() == controllerPort)) {
          throw new IllegalArgumentException("listener " + l.name() + " port " + l.port()
              + " clashes with the broker or controller port");
        }
      }
      return new BrokerOptions(this);
    }

    private static int checkPort(String what, int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(what + " must be between 0 (free port) and 65535, got " + port);
      }
      return port;
    }
  }
}
