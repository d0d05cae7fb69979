package org.envmon.ingest.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationRateLimiter;
import org.envmon.ingest.json.ReadingIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest endpoint: {@code POST /api/v1/readings}, {@code GET /health},
 * {@code GET /metrics}, over HTTP or HTTPS, on the JDK's built-in server. Its handler threads
 * are {@link RequestDeadlines}: a client that sends its request too slowly is disconnected.
 */
public final class HttpIngestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);

  private final HttpServer server;
  private final RequestDeadlines threads;

  private HttpIngestServer(HttpServer server, RequestDeadlines threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Binds and starts serving.
   *
   * @param stations for the bearer tokens
   * @param intake   validates and publishes the readings
   * @param health   what {@code /health} reports
   * @param metrics  what {@code /metrics} exposes (give the same registry to the ingest counters)
   * @throws IOException when the address cannot be bound or the keystore cannot be read
   */
  public static HttpIngestServer start(HttpIngestConfig config, StationDirectory stations, ReadingIntake intake,
                                       HealthCheck health, PrometheusMeterRegistry metrics) throws IOException {
    Objects.requireNonNull(config, "config");
    HttpServer server = config.tls().isPresent() ? https(config.address(), config.tls().get())
        : HttpServer.create(config.address(), 0);
    ReadingsHandler readings = new ReadingsHandler(new StationTokenAuthenticator(stations), intake,
        new PublishPermits(config.maxInFlightReadings(), config.maxInFlightPerStation()),
        new StationRateLimiter(config.stationRate()), new IngestCounters(metrics), config.maxBodyBytes(),
        config.ackTimeout());
    server.createContext(ReadingsHandler.PATH, readings);
    server.createContext(HealthHandler.PATH, new HealthHandler(health));
    server.createContext(MetricsHandler.PATH, new MetricsHandler(metrics));
    RequestDeadlines threads = new RequestDeadlines(config.threads(), config.requestTimeout(), metrics);
    server.setExecutor(threads);
    server.start();
    LOG.info("HTTP ingest listening on {}://{}{}", config.tls().isPresent() ? "https" : "http",
        server.getAddress().getHostString() + ":" + server.getAddress().getPort(), ReadingsHandler.PATH);
    return new HttpIngestServer(server, threads);
  }

  /** The bound address (with the actual port when port 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static HttpsServer https(InetSocketAddress address, HttpIngestConfig.Tls tls) throws IOException {
    SSLContext context;
    try {
      char[] password = tls.password().toCharArray();
      KeyStore keyStore = KeyStore.getInstance(tls.keystore().toFile(), password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password);
      context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("cannot use keystore " + tls.keystore() + " for HTTPS: " + e.getMessage()
          + " (give a PKCS12 or JKS file with the server key and its password)", e);
    }
    HttpsServer server = HttpsServer.create(address, 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return server;
  }

  /** Stops accepting, gives running requests a second to finish, then stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    threads.close();
  }
}
