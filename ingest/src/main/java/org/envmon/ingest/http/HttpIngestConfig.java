package org.envmon.ingest.http;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
 */
public record HttpIngestConfig(InetSocketAddress address, int maxBodyBytes, int maxInFlightReadings,
                               Duration ackTimeout, int threads, Optional<Tls> tls) {
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_THREADS = 16;

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
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("max body bytes must be positive, got " + maxBodyBytes);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("HTTP threads must be at least 1, got " + threads);
    }
  }

  /** Plain HTTP on the given address with the defaults. */
  public static HttpIngestConfig defaults(InetSocketAddress address) {
    return new HttpIngestConfig(address, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IN_FLIGHT, DEFAULT_ACK_TIMEOUT,
        DEFAULT_THREADS, Optional.empty());
  }
}
