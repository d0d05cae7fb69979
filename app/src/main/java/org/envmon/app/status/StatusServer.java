package org.envmon.app.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.envmon.streams.status.LocalStatusStores;
import org.envmon.streams.status.StatusQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status HTTP server ({@code GET /api/v1/status/...}) over the Kafka Streams interactive
 * queries. It is bound first ({@link #bind}) so its port is known before Kafka Streams is built
 * with {@code application.server} = {@link #advertised}, then {@link #start started} with the
 * running streams.
 */
public final class StatusServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
  /** How long one instance waits for another's part of a query. */
  public static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

  private final HttpServer server;
  private final HostInfo advertised;
  private ExecutorService executor;

  private StatusServer(HttpServer server, HostInfo advertised) {
    this.server = server;
    this.advertised = advertised;
  }

  /**
   * Binds {@code address} (port 0 picks a free port) without serving yet.
   *
   * @param advertisedHost the host name other instances reach this one by (e.g. the pod or host
   *                       name, {@code localhost} on one machine); becomes, with the bound port,
   *                       {@link #advertised()}
   * @throws IOException when the address cannot be bound
   */
  public static StatusServer bind(InetSocketAddress address, String advertisedHost) throws IOException {
    Objects.requireNonNull(address, "address");
    if (advertisedHost == null || advertisedHost.isBlank() || advertisedHost.equals("0.0.0.0")) {
      throw new IllegalArgumentException("the advertised status host must be a name or address other instances "
          + "can reach (got '" + advertisedHost + "')");
    }
    HttpServer server = HttpServer.create(address, 0);
    return new StatusServer(server, new HostInfo(advertisedHost, server.getAddress().getPort()));
  }

  /** This instance's {@code host:port} for other instances; give it to {@code StreamsSettings.Builder.applicationServer}. */
  public HostInfo advertised() {
    return advertised;
  }

  /** {@link #advertised()} as {@code host:port}. */
  public String applicationServer() {
    return advertised.host() + ":" + advertised.port();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * Starts serving the status of {@code streams}, which must have been configured with
   * {@code application.server} = {@link #applicationServer()}.
   */
  public synchronized StatusServer start(KafkaStreams streams) {
    if (executor != null) {
      throw new IllegalStateException("the status server is already started");
    }
    StatusQueries queries = new StatusQueries(new LocalStatusStores(streams, advertised),
        new HttpStatusPeers(PEER_TIMEOUT));
    server.createContext(StatusPaths.API, new StatusHandler(queries));
    server.createContext(StatusPaths.PEER, new StatusHandler(queries));
    AtomicInteger threadNumber = new AtomicInteger();
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "envmon-status-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    LOG.info("status API listening on http://{}{} (advertised as {})",
        server.getAddress().getHostString() + ":" + server.getAddress().getPort(), StatusPaths.API, advertised);
    return this;
  }

  /** Stops accepting, gives running requests a second to finish, then stops the threads. */
  @Override
  public synchronized void close() {
    server.stop(1);
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
