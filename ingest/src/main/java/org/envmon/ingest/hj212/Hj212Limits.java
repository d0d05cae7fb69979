package org.envmon.ingest.hj212;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.envmon.ingest.core.KeyedCounts;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.core.StationRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one station or one host may take of the server, shared by all connections: connections
 * per station (MN), connections per IP address not yet authenticated, and packets per second per
 * station. Each refusal or eviction is counted; it is logged once per episode, not once per
 * packet. Thread-safe.
 *
 * <p>A station at its maximum of connections that authenticates a further one loses its
 * <em>oldest</em> connection, not the new one: a cellular logger whose link dropped reconnects
 * while its old, half-open connection still looks alive until the read-idle timeout, and
 * refusing the new connection would lock the logger out for that long.
 */
final class Hj212Limits {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212Limits.class);

  private final int maxConnectionsPerStation;
  /** Per station, its counted connections, oldest first; guarded by itself. */
  private final Map<String, StationConnections> perStation = new HashMap<>();
  private final KeyedCounts unauthenticatedPerHost;
  private final StationRateLimiter packets;
  private final Hj212Metrics metrics;

  Hj212Limits(Hj212ServerOptions options, Hj212Metrics metrics) {
    this(options.maxConnectionsPerStation(), options.maxUnauthenticatedPerHost(),
        new StationRateLimiter(options.stationRate()), metrics);
  }

  Hj212Limits(int maxConnectionsPerStation, int maxUnauthenticatedPerHost, StationRateLimiter packets,
              Hj212Metrics metrics) {
    if (maxConnectionsPerStation < 1) {
      throw new IllegalArgumentException("max connections per station must be at least 1, got "
          + maxConnectionsPerStation);
    }
    this.maxConnectionsPerStation = maxConnectionsPerStation;
    this.unauthenticatedPerHost = new KeyedCounts(maxUnauthenticatedPerHost);
    this.packets = Objects.requireNonNull(packets, "packets");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Takes a slot for a new connection from {@code host} until it authenticates; false: close it. */
  boolean admitUnauthenticated(String host) {
    KeyedCounts.Outcome outcome = unauthenticatedPerHost.tryAdd(host, 1);
    if (!outcome.added()) {
      metrics.hostConnectionRefused();
      if (outcome == KeyedCounts.Outcome.REFUSED) {
        LOG.warn("refusing HJ 212 connections from {}: it already holds {} connections that have not authenticated"
            + " (logged once until one of them authenticates or closes)", host, unauthenticatedPerHost.cap());
      }
    }
    return outcome.added();
  }

  void releaseUnauthenticated(String host) {
    unauthenticatedPerHost.subtract(host, 1);
  }

  /** A connection as the per-station limit sees it: where it comes from and how to close it. */
  static final class Connection {
    private final String remote;
    private final Runnable close;

    /** @param close closes the connection; called on whichever thread admits the newer one */
    Connection(String remote, Runnable close) {
      this.remote = Objects.requireNonNull(remote, "remote");
      this.close = Objects.requireNonNull(close, "close");
    }
  }

  /** One station's counted connections, oldest first, and whether it is evicting (for the log). */
  private static final class StationConnections {
    final ArrayDeque<Connection> held = new ArrayDeque<>();
    boolean evicting;
  }

  /**
   * Counts {@code connection} against {@code station} when it first authenticates as it. When the
   * station already holds its maximum, its oldest connection is taken off the count and closed
   * (counted; logged once until the station holds fewer than its maximum again), so the station
   * never holds more than the maximum and the newest connection always gets in.
   */
  void claimConnection(StationEntry station, Connection connection) {
    Connection evicted = null;
    boolean logEpisode = false;
    int held;
    synchronized (perStation) {
      StationConnections connections = perStation.computeIfAbsent(station.id(), k -> new StationConnections());
      if (connections.held.size() >= maxConnectionsPerStation) {
        evicted = connections.held.poll();
        logEpisode = !connections.evicting;
        connections.evicting = true;
      }
      connections.held.add(connection);
      held = connections.held.size();
    }
    if (evicted == null) {
      return;
    }
    metrics.stationConnectionEvicted();
    if (logEpisode) {
      LOG.warn("station {} (MN {}) authenticated a connection from {} while holding its maximum of {} HJ 212"
          + " connections: closing its oldest one, from {} (most likely left half-open by a reconnecting logger;"
          + " logged once until the station holds fewer than {})", station.id(), station.mn().orElse("?"),
          connection.remote, held, evicted.remote, maxConnectionsPerStation);
    }
    evicted.close.run();
  }

  /**
   * Takes {@code connection} off {@code stationId}'s count when it closes; nothing when it is not
   * counted there any more (it was evicted).
   */
  void releaseConnection(String stationId, Connection connection) {
    synchronized (perStation) {
      StationConnections connections = perStation.get(stationId);
      if (connections == null || !connections.held.remove(connection)) {
        return;
      }
      connections.evicting = false;
      if (connections.held.isEmpty()) {
        perStation.remove(stationId);
      }
    }
  }

  /** The connections counted against {@code stationId} now. */
  int connections(String stationId) {
    synchronized (perStation) {
      StationConnections connections = perStation.get(stationId);
      return connections == null ? 0 : connections.held.size();
    }
  }

  /** 0 when {@code station} may send a packet now, otherwise how long its connection must wait. */
  long packetDelayNanos(StationEntry station, String remote) {
    StationRateLimiter.Decision decision = packets.tryAcquire(station.id(), 1);
    if (decision.granted()) {
      return 0;
    }
    metrics.packetThrottled();
    if (decision.episodeStart()) {
      LOG.warn("station {} (MN {}, {}) sends faster than {} packets/s (burst {}): reading its connections more"
          + " slowly, nothing is dropped (logged once until it slows down)", station.id(), station.mn().orElse("?"),
          remote, packets.rate().perSecond(), packets.rate().burst());
    }
    return decision.waitNanos();
  }
}
