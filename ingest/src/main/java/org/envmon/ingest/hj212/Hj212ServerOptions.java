package org.envmon.ingest.hj212;

import java.time.Duration;
import java.util.Objects;
import org.envmon.ingest.core.StationRate;

/**
 * How the HJ 212 TCP server listens and what it tolerates. Build with {@link #builder()}; every
 * value is checked there so a bad configuration fails at start-up with a clear message.
 *
 * @param host               address to bind, e.g. 0.0.0.0
 * @param port               TCP port (0 picks a free one, for tests)
 * @param readIdleTimeout    a connection that sends nothing, or no complete frame, for this long is closed
 * @param maxConnections     connections beyond this many are closed at once
 * @param maxSegmentLength   largest data segment accepted (the standard says 1024, devices send more; at most 9999)
 * @param duplicateCacheSize values remembered for duplicate detection
 * @param duplicateTtl       how long a value is remembered for duplicate detection
 * @param maxConnectionsPerStation  connections one station (MN) may hold; when a further one
 *                                  authenticates, the station's oldest connection is closed
 * @param maxUnauthenticatedPerHost connections from one IP address that have not yet sent an
 *                                  authenticated packet; further ones are closed at once
 * @param stationRate        packets per second and burst of one station, over all its connections;
 *                           beyond it the server reads the station's connections more slowly
 */
public record Hj212ServerOptions(String host, int port, Duration readIdleTimeout, int maxConnections,
                                 int maxSegmentLength, int duplicateCacheSize, Duration duplicateTtl,
                                 int maxConnectionsPerStation, int maxUnauthenticatedPerHost,
                                 StationRate stationRate) {
  /** A logger sends a few packets a minute and backfills stop-and-wait: 50/s is far above both. */
  public static final StationRate DEFAULT_STATION_RATE = new StationRate(50, 500);
  public static final int DEFAULT_MAX_CONNECTIONS_PER_STATION = 4;
  public static final int DEFAULT_MAX_UNAUTHENTICATED_PER_HOST = 100;

  public Hj212ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(readIdleTimeout, "readIdleTimeout");
    Objects.requireNonNull(duplicateTtl, "duplicateTtl");
    Objects.requireNonNull(stationRate, "stationRate");
    if (host.isBlank()) {
      throw new IllegalArgumentException("HJ 212 bind host must not be blank; use 0.0.0.0 for all interfaces");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("HJ 212 port must be 0..65535, got " + port);
    }
    if (readIdleTimeout.isNegative() || readIdleTimeout.isZero()) {
      throw new IllegalArgumentException("HJ 212 read idle timeout must be positive, got " + readIdleTimeout);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("HJ 212 max connections must be at least 1, got " + maxConnections);
    }
    if (maxSegmentLength < 1 || maxSegmentLength > Hj212FrameDecoder.ABSOLUTE_MAX_SEGMENT) {
      throw new IllegalArgumentException("HJ 212 max segment length must be 1.."
          + Hj212FrameDecoder.ABSOLUTE_MAX_SEGMENT + " (four length digits), got " + maxSegmentLength);
    }
    if (duplicateCacheSize < 1) {
      throw new IllegalArgumentException("HJ 212 duplicate cache size must be at least 1, got " + duplicateCacheSize);
    }
    if (duplicateTtl.isNegative() || duplicateTtl.isZero()) {
      throw new IllegalArgumentException("HJ 212 duplicate TTL must be positive, got " + duplicateTtl);
    }
    if (maxConnectionsPerStation < 1) {
      throw new IllegalArgumentException("HJ 212 max connections per station must be at least 1, got "
          + maxConnectionsPerStation);
    }
    if (maxUnauthenticatedPerHost < 1) {
      throw new IllegalArgumentException("HJ 212 max unauthenticated connections per host must be at least 1, got "
          + maxUnauthenticatedPerHost);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Defaults: 0.0.0.0:9212, 10 min idle, 1000 connections, 9999-byte segments, 100 000 values for
   * 48 h; per station 4 connections and 50 packets/s with a burst of 500; per host 100 connections
   * not yet authenticated.
   */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 9212;
    private Duration readIdleTimeout = Duration.ofMinutes(10);
    private int maxConnections = 1000;
    private int maxSegmentLength = Hj212FrameDecoder.ABSOLUTE_MAX_SEGMENT;
    private int duplicateCacheSize = 100_000;
    private Duration duplicateTtl = Duration.ofHours(48);
    private int maxConnectionsPerStation = DEFAULT_MAX_CONNECTIONS_PER_STATION;
    private int maxUnauthenticatedPerHost = DEFAULT_MAX_UNAUTHENTICATED_PER_HOST;
    private StationRate stationRate = DEFAULT_STATION_RATE;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder readIdleTimeout(Duration readIdleTimeout) {
      this.readIdleTimeout = readIdleTimeout;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public Builder maxSegmentLength(int maxSegmentLength) {
      this.maxSegmentLength = maxSegmentLength;
      return this;
    }

    public Builder duplicateCacheSize(int duplicateCacheSize) {
      this.duplicateCacheSize = duplicateCacheSize;
      return this;
    }

    public Builder duplicateTtl(Duration duplicateTtl) {
      this.duplicateTtl = duplicateTtl;
      return this;
    }

    public Builder maxConnectionsPerStation(int maxConnectionsPerStation) {
      this.maxConnectionsPerStation = maxConnectionsPerStation;
      return this;
    }

    public Builder maxUnauthenticatedPerHost(int maxUnauthenticatedPerHost) {
      this.maxUnauthenticatedPerHost = maxUnauthenticatedPerHost;
      return this;
    }

    public Builder stationRate(StationRate stationRate) {
      this.stationRate = stationRate;
      return this;
    }

    public Hj212ServerOptions build() {
      return new Hj212ServerOptions(host, port, readIdleTimeout, maxConnections, maxSegmentLength,
          duplicateCacheSize, duplicateTtl, maxConnectionsPerStation, maxUnauthenticatedPerHost, stationRate);
    }
  }
}
