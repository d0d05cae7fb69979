package org.envmon.broker;

import java.net.BindException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.envmon.schemas.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) running inside this JVM,
 * started from envmon's own dependencies. Its data directory is formatted once and reused, so a
 * new instance on the same directory and ports sees the topics and records of the previous one.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(BrokerOptions.builder().build())) {
 *   kafka.createTopics(Topics.all());
 *   ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  /** Attempts when a port we picked as free was taken by someone else before Kafka bound it. */
  private static final int FREE_PORT_ATTEMPTS = 3;
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

  private final BrokerOptions options;
  private final String clusterId;
  private final KafkaRaftServer server;
  private final DataDirLock lock;
  private boolean closed;

  private EmbeddedKafkaBroker(BrokerOptions options, String clusterId, KafkaRaftServer server, DataDirLock lock) {
    this.options = options;
    this.clusterId = clusterId;
    this.server = server;
    this.lock = lock;
  }

  /**
   * Formats the data directory if needed, starts the broker and waits until it serves clients.
   *
   * @throws BrokerStartException when a configured port is in use, the directory is unusable or
   *                              the broker is not ready within {@link BrokerOptions#startTimeout()}
   */
  public static EmbeddedKafkaBroker start(BrokerOptions options) {
    requireConfiguredPortsFree(options);
    DataDirLock lock = DataDirLock.acquire(options.dataDir());
    for (int attempt = 1; ; attempt++) {
      BrokerOptions resolved = resolvePorts(options);
      try {
        return startResolved(resolved, lock);
      } catch (RuntimeException e) {
        // Only a port we picked ourselves can have been taken in the meantime; a retry gets new ones.
        boolean portRace = e instanceof BrokerStartException && isBindFailure(e) && usesFreePorts(options);
        if (!portRace || attempt == FREE_PORT_ATTEMPTS) {
          lock.close();
          throw e;
        }
        LOG.warn("A free port was taken before the broker bound it; retrying with new ports ({})", e.getMessage());
      }
    }
  }

  /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return options.host() + ":" + options.brokerPort();
  }

  /** {@code host:port} of an extra listener given in the options, e.g. {@link ListenerSpec#SASL_PLAIN}. */
  public String bootstrapServers(String listenerName) {
    return options.extraListeners().stream()
        .filter(l -> l.name().equals(listenerName))
        .findFirst()
        .map(l -> options.host() + ":" + l.port())
        .orElseThrow(() -> new IllegalArgumentException("the broker has no listener named '" + listenerName
            + "'; its extra listeners are " + options.extraListeners().stream().map(ListenerSpec::name).toList()));
  }

  /** The options with every port resolved: pass them to {@link #start} to restart on the same dir and ports. */
  public BrokerOptions options() {
    return options;
  }

  /** The KRaft cluster id, persisted in the data directory. */
  public String clusterId() {
    return clusterId;
  }

  /** Creates the missing topics with the options' default partition count; returns the names created. */
  public Set<String> createTopics(Collection<? extends Topic<?, ?>> topics) {
    return createTopics(topics, options.defaultPartitions());
  }

  /** Creates the missing topics with {@code partitions} partitions; returns the names created. */
  public Set<String> createTopics(Collection<? extends Topic<?, ?>> topics, int partitions) {
    return new TopicAdmin(bootstrapServers()).createTopics(topics, partitions);
  }

  /** Shuts the broker down cleanly; its data stays in the data directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("Stopping embedded Kafka broker at {}", bootstrapServers());
    shutdown(server, SHUTDOWN_TIMEOUT);
    lock.close();
  }

  /** The options with every port 0 replaced by a distinct port that is free right now. */
  private static BrokerOptions resolvePorts(BrokerOptions options) {
    String host = options.host();
    int[] free = FreePorts.pickDistinct(host, 2 + options.extraListeners().size());
    BrokerOptions.Builder b = BrokerOptions.builder()
        .dataDir(options.dataDir())
        .host(host)
        .brokerPort(options.brokerPort() == 0 ? free[0] : options.brokerPort())
        .controllerPort(options.controllerPort() == 0 ? free[1] : options.controllerPort())
        .defaultPartitions(options.defaultPartitions())
        .startTimeout(options.startTimeout())
        .serverProperties(options.serverProperties());
    for (int i = 0; i < options.extraListeners().size(); i++) {
      ListenerSpec l = options.extraListeners().get(i);
      b.listener(l.port() == 0 ? l.withPort(free[2 + i]) : l);
    }
    return b.build();
  }

  private static boolean usesFreePorts(BrokerOptions options) {
    return options.brokerPort() == 0 || options.controllerPort() == 0
        || options.extraListeners().stream().anyMatch(l -> l.port() == 0);
  }

  /** Fails fast, naming the port, when a port given explicitly in the options is taken. */
  private static void requireConfiguredPortsFree(BrokerOptions o) {
    requireFree(o.host(), o.brokerPort(), "broker (PLAINTEXT)");
    requireFree(ServerProperties.CONTROLLER_HOST, o.controllerPort(), "controller");
    for (ListenerSpec l : o.extraListeners()) {
      requireFree(o.host(), l.port(), l.name() + " listener");
    }
  }

  private static void requireFree(String host, int port, String what) {
    if (port != 0 && !FreePorts.isFree(host, port)) {
      throw new BrokerStartException("Kafka " + what + " port " + port + " on " + host
          + " is already in use (another Kafka or envmon instance?). Stop that process or configure another"
          + " port (0 picks a free one).");
    }
  }

  private static EmbeddedKafkaBroker startResolved(BrokerOptions o, DataDirLock lock) {
    String clusterId = KafkaStorage.ensureFormatted(o.dataDir());
    KafkaConfig config;
    try {
      config = new KafkaConfig(ServerProperties.of(o), false);
    } catch (RuntimeException e) {
      throw new BrokerStartException("invalid Kafka server settings: " + e.getMessage()
          + " (check the extra server properties and listeners in the broker options)", e);
    }
    LOG.info("Starting embedded Kafka broker at {}:{} (data dir {}, cluster id {})",
        o.host(), o.brokerPort(), o.dataDir(), clusterId);
    KafkaRaftServer server;
    try {
      // The constructor already reads and locks the data directory.
      server = new KafkaRaftServer(config, Time.SYSTEM);
    } catch (RuntimeException e) {
      throw failure(o, e);
    }
    long deadline = System.nanoTime() + o.startTimeout().toNanos();
    ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "envmon-kafka-start");
      t.setDaemon(true);
      return t;
    });
    Future<?> startup = starter.submit(server::startup);
    try {
      startup.get(o.startTimeout().toNanos(), TimeUnit.NANOSECONDS);
      awaitServing(o, deadline);
      return new EmbeddedKafkaBroker(o, clusterId, server, lock);
    } catch (TimeoutException e) {
      stopWhenStartEnded(server, startup);
      throw new BrokerStartException("Kafka broker at " + o.host() + ":" + o.brokerPort() + " did not start within "
          + o.startTimeout().toString().substring(2).toLowerCase(Locale.ROOT) + " (data dir " + o.dataDir()
          + "); see the Kafka log for the cause, or raise the start timeout on a slow machine", e);
    } catch (ExecutionException e) {
      shutdown(server, SHUTDOWN_TIMEOUT);
      throw failure(o, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopWhenStartEnded(server, startup);
      throw new BrokerStartException("interrupted while starting the Kafka broker", e);
    } catch (RuntimeException e) {
      stopWhenStartEnded(server, startup);
      throw e;
    } finally {
      // Never shutdownNow(): an interrupted Kafka start is a fatal fault, and Kafka halts the JVM on those.
      starter.shutdown();
    }
  }

  /**
   * Stops a broker whose start may still be running. Kafka cannot be shut down halfway through its
   * start, so this lets the start end first (Kafka's own registration timeouts bound it).
   */
  private static void stopWhenStartEnded(KafkaRaftServer server, Future<?> startup) {
    try {
      startup.get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // The start failed; what it started is shut down below all the same.
    } catch (TimeoutException e) {
      LOG.error("Kafka broker is still starting {} s after its start timeout; shutting it down anyway",
          SHUTDOWN_TIMEOUT.toSeconds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shutdown(server, SHUTDOWN_TIMEOUT);
  }

  /** The broker answers metadata requests on its client listener. */
  private static void awaitServing(BrokerOptions o, long deadlineNanos) throws InterruptedException, TimeoutException {
    long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, remainingMs);
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.host() + ":" + o.brokerPort(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(remainingMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new BrokerStartException("Kafka broker started but does not answer on " + o.host() + ":"
          + o.brokerPort() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static BrokerStartException failure(BrokerOptions o, Throwable cause) {
    if (isBindFailure(cause)) {
      return new BrokerStartException("Kafka broker cannot bind its ports (broker " + o.host() + ":" + o.brokerPort()
          + ", controller " + ServerProperties.CONTROLLER_HOST + ":" + o.controllerPort() + "): " + cause.getMessage()
          + ". Stop the process using the port or configure another one (0 picks a free one).", cause);
    }
    return new BrokerStartException("Kafka broker failed to start with data dir " + o.dataDir() + ": "
        + cause.getMessage() + " (if another envmon or Kafka process uses this directory, stop it or choose"
        + " another data directory)", cause);
  }

  /** Whether {@code t} or any of its causes says a port was already in use. */
  private static boolean isBindFailure(Throwable t) {
    return t instanceof BindException
        || (t.getMessage() != null && t.getMessage().contains("Address already in use"))
        || (t.getCause() != null && t.getCause() != t && isBindFailure(t.getCause()));
  }

  /** Shuts down without letting a stuck Kafka thread hang the caller forever. */
  private static void shutdown(KafkaRaftServer server, Duration timeout) {
    Thread stopper = new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }, "envmon-kafka-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      LOG.warn("Kafka broker did not shut down within {} s; continuing without waiting for it", timeout.toSeconds());
    }
  }
}
