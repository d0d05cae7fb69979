package org.envmon.ingest.hj212;

import java.util.Objects;
import org.envmon.ingest.core.KeyedCounts;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.core.StationRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one station or one host may take of the server, shared by all connections: connections
 * per station (MN), connections per IP address not yet authenticated, and packets per second per
 * station. Each refusal is counted; it is logged once per episode, not once per packet.
 * Thread-safe.
 */
final class Hj212Limits {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212Limits.class);

  private final KeyedCounts perStation;
  private final KeyedCounts unauthenticatedPerHost;
  private final StationRateLimiter packets;
  private final Hj212Metrics metrics;

  Hj212Limits(Hj212ServerOptions options, Hj212Metrics metrics) {
    this(options.maxConnectionsPerStation(), options.maxUnauthenticatedPerHost(),
        new StationRateLimiter(options.stationRate()), metrics);
  }

  Hj212Limits(int maxConnectionsPerStation, int maxUnauthenticatedPerHost, StationRateLimiter packets,
              Hj212Metrics metrics) {
    this.perStation = new KeyedCounts(maxConnectionsPerStation);
    this.unauthenticatedPerHost = new KeyedCounts(maxUnauthenticatedPerHost);
    this.packets = Objects.requireNonNull(packets, "packets");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Takes a slot for a new connection from {@code host} until it authenticates; false: close it. */
  boolean admitUnauthenticated(String host) {
    return take(unauthenticatedPerHost, host, metrics::hostConnectionRefused, () -> LOG.warn("refusing HJ 212"
        + " connections from {}: it already holds {} connections that have not authenticated (logged once until"
        + " one of them authenticates or closes)", host, unauthenticatedPerHost.cap()));
  }

  void releaseUnauthenticated(String host) {
    unauthenticatedPerHost.subtract(host, 1);
  }

  /**
   * Counts a connection against {@code station} when it first authenticates as it; false when the
   * station already holds its maximum, and the connection must be closed.
   */
  boolean claimConnection(StationEntry station, String remote) {
    return take(perStation, station.id(), metrics::stationConnectionRefused, () -> LOG.warn("closing HJ 212"
        + " connection from {}: station {} (MN {}) already holds {} connections; its packet is left unanswered for"
        + " the logger to send again (logged once until one of them closes)", remote, station.id(),
        station.mn().orElse("?"), perStation.cap()));
  }

  /** One more for {@code key}, or counts the refusal and logs the first of its episode. */
  private static boolean take(KeyedCounts counts, String key, Runnable countRefusal, Runnable logEpisode) {
    KeyedCounts.Outcome outcome = counts.tryAdd(key, 1);
    if (!outcome.added()) {
      countRefusal.run();
      if (outcome == KeyedCounts.Outcome.REFUSED) {
        logEpisode.run();
      }
    }
    return outcome.added();
  }

  void releaseConnection(String stationId) {
    perStation.subtract(stationId, 1);
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
