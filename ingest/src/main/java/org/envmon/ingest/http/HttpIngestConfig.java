package org.envmon.ingest.http;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.envmon.ingest.core.StationRate;

/**
 * Settings of the HTTP ingest server.
 *
 * @param address             where to listen, e.g. 0.0.0.0:8080 (port 0 picks a free port)
 * @param maxBodyBytes        larger request bodies are refused with 413
 * @param maxInFlightReadings readings sent to Kafka and not yet acknowledged, over all requests;
 *                            beyond it requests get 503 with Retry-After
 * @param ackTimeout          how long a request waits for Kafka's acknowledgement before 503
 * @param threads             request-handling threads (each waits for its Kafka acknowledgement)
 * @param tls                 serve HTTPS with this keystore, or plain HTTP when empty
 * @param stationRate         readings per second and burst of one station (records of a request,
 *                            refused ones included); beyond it requests get 429 with Retry-After
 * @param maxInFlightPerStation readings of one station sent to Kafka and not yet acknowledged;
 *                            beyond it that station's requests get 429, the others go on
 * @param requestTimeout      a request must arrive whole (headers and body) within this once a
 *                            thread starts reading it, and the answer be written within this once
 *                            ready; otherwise the connection is closed (slow-loris clients)
 */
public record HttpIngestConfig(InetSocketAddress address, int maxBodyBytes, int maxInFlightReadings,
                               Duration ackTimeout, int threads, Optional<Tls> tls, StationRate stationRate,
                               int maxInFlightPerStation, Duration requestTimeout) {
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
  /**
   * A station sends a few readings a minute; 100/s backfills a day of minute data of 50
   * parameters in 12 min, and a burst of 5000 takes several days of hourly data at once.
   */
  public static final StationRate DEFAULT_STATION_RATE = new StationRate(100, 5_000);
  /** A quarter of the default in-flight budget: four stations cannot crowd out the rest. */
  public static final int DEFAULT_MAX_IN_FLIGHT_PER_STATION = 2_500;
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_THREADS = 16;
  /**
   * A request of 1 MiB (the body limit) needs 280 kbit/s to arrive in 30 s; a logger on a slow
   * cellular link sends kilobytes.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * A keystore holding the server's key and certificate.
   *
   * @param keystore PKCS12 or JKS file
   * @param password password of the keystore and of the key in it
   */
  public record Tls(Path keystore, String password) {
    public Tls {
      Objects.requireNonNull(keystore, "keystore");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Tls[keystore=" + keystore + ", password=***]";
    }
  }

  public HttpIngestConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(stationRate, "stationRate");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("HTTP request timeout must be positive, got " + requestTimeout);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("max body bytes must be positive, got " + maxBodyBytes);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("HTTP threads must be at least 1, got " + threads);
    }
    if (maxInFlightPerStation < 1) {
      throw new IllegalArgumentException("max in-flight readings per station must be at least 1, got "
          + maxInFlightPerStation);
    }
  }

  /** With the default per-station limits and request timeout. */
  public HttpIngestConfig(InetSocketAddress address, int maxBodyBytes, int maxInFlightReadings, Duration ackTimeout,
                          int threads, Optional<Tls> tls) {
    this(address, maxBodyBytes, maxInFlightReadings, ackTimeout, threads, tls, DEFAULT_STATION_RATE,
        DEFAULT_MAX_IN_FLIGHT_PER_STATION, DEFAULT_REQUEST_TIMEOUT);
  }

  /** This configuration with other per-station limits. */
  public HttpIngestConfig withStationLimits(StationRate rate, int maxInFlightPerStation) {
    return new HttpIngestConfig(address, maxBodyBytes, maxInFlightReadings, ackTimeout, threads, tls, rate,
        maxInFlightPerStation, requestTimeout);
  }

  /** This configuration with another request timeout. */
  public HttpIngestConfig withRequestTimeout(Duration timeout) {
    return new HttpIngestConfig(address, maxBodyBytes, maxInFlightReadings, ackTimeout, threads, tls, stationRate,
        maxInFlightPerStation, timeout);
  }

  /** This configuration serving HTTPS with {@code tls}. */
  public HttpIngestConfig withTls(Tls tls) {
    return new HttpIngestConfig(address, maxBodyBytes, maxInFlightReadings, ackTimeout, threads, Optional.of(tls),
        stationRate, maxInFlightPerStation, requestTimeout);
  }

  /** Plain HTTP on the given address with the defaults. */
  public static HttpIngestConfig defaults(InetSocketAddress address) {
    return new HttpIngestConfig(address, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IN_FLIGHT, DEFAULT_ACK_TIMEOUT,
        DEFAULT_THREADS, Optional.empty());
  }
}
