package org.envmon.ingest.hj212;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which (MN, CN, DataTime, code) values were published, so a logger's retransmission
 * (it resends when our answer was lost) does not produce the reading twice. Bounded in entries
 * and in age; thread-safe. Keys are remembered only after Kafka acknowledged the readings, so a
 * failed publish never blocks the retransmission that repairs it.
 */
public final class Hj212DuplicateFilter {
  /** The identity of one value in the HJ 212 data stream. */
  public record Key(String mn, String cn, String dataTime, String code) {}

  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<Key, Instant> seen = new LinkedHashMap<>();

  public Hj212DuplicateFilter(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("duplicate cache size must be at least 1, got " + maxEntries);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("duplicate cache TTL must be positive, got " + ttl);
    }
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = clock;
  }

  public synchronized boolean seen(Key key) {
    expire();
    return seen.containsKey(key);
  }

  public synchronized void remember(Collection<Key> keys) {
    expire();
    Instant now = clock.instant();
    for (Key key : keys) {
      seen.remove(key); // re-insert at the young end
      seen.put(key, now);
    }
    Iterator<Key> oldest = seen.keySet().iterator();
    while (seen.size() > maxEntries) {
      oldest.next();
      oldest.remove();
    }
  }

  public synchronized int size() {
    return seen.size();
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(ttl);
    Iterator<Map.Entry<Key, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext() && it.next().getValue().isBefore(cutoff)) {
      it.remove();
    }
  }
}
