package org.envmon.ingest.core;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One token bucket per station ({@link StationRate}), kept as the time its bucket will be full
 * again (GCRA), in exact integer nanoseconds of an injectable clock. Memory is bounded: a station
 * whose bucket is full again is forgotten (that changes nothing: a new bucket starts full), and
 * beyond {@code maxKeys} stations the least recently seen one is forgotten even if it was still
 * limited, which only makes the limit more lenient for it. Thread-safe.
 */
public final class StationRateLimiter {
  /** Stations tracked at most by default: far more than a registry holds, about 6 MB at worst. */
  public static final int DEFAULT_MAX_KEYS = 65_536;

  private final StationRate rate;
  private final long interval;
  private final int maxKeys;
  private final LongSupplier nanoTime;
  /** Access order: the first entry is the station seen least recently. */
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

  private static final class Bucket {
    /** When the bucket is full again; before that, (full - now) / interval tokens are missing. */
    long fullAt;
    /** Refused since the bucket was last full: the next refusal does not start a new episode. */
    boolean limited;
  }

  /**
   * What the limiter decided.
   *
   * @param waitNanos    0 when granted, otherwise how long until the same request would be
   * @param episodeStart refused for the first time since the station's bucket was last full
   *                     (log this one; the refusals that follow belong to the same episode)
   */
  public record Decision(long waitNanos, boolean episodeStart) {
    static final Decision GRANTED = new Decision(0, false);

    public boolean granted() {
      return waitNanos == 0;
    }

    /** The wait in whole seconds, rounded up, at least 1: for a Retry-After header. */
    public long retryAfterSeconds() {
      return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
  }

  public StationRateLimiter(StationRate rate) {
    this(rate, DEFAULT_MAX_KEYS, System::nanoTime);
  }

  public StationRateLimiter(StationRate rate, int maxKeys, LongSupplier nanoTime) {
    this.rate = Objects.requireNonNull(rate, "rate");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (maxKeys < 1) {
      throw new IllegalArgumentException("max tracked stations must be at least 1, got " + maxKeys);
    }
    this.interval = rate.nanosPerUnit();
    this.maxKeys = maxKeys;
  }

  public StationRate rate() {
    return rate;
  }

  /**
   * Takes {@code units} tokens of {@code station}'s bucket, or none and says how long to wait.
   * A request larger than the burst is granted only on a full bucket and leaves it in debt, so it
   * goes through rather than never, and the long-run rate still holds.
   */
  public synchronized Decision tryAcquire(String station, int units) {
    return decide(station, units, true);
  }

  /** What {@link #tryAcquire} would decide, without taking anything (a refusal still counts). */
  public synchronized Decision check(String station, int units) {
    return decide(station, units, false);
  }

  /** Stations currently tracked (for tests of the memory bound). */
  public synchronized int trackedStations() {
    return buckets.size();
  }

  private Decision decide(String station, int units, boolean take) {
    Objects.requireNonNull(station, "station");
    if (units < 1) {
      throw new IllegalArgumentException("units must be at least 1, got " + units);
    }
    long now = nanoTime.getAsLong();
    forgetFullBuckets(now);
    Bucket bucket = buckets.get(station);
    // Differences only: nanoTime may wrap, its differences do not.
    long start = bucket == null || bucket.fullAt - now <= 0 ? now : bucket.fullAt;
    if (bucket != null && start == now) {
      bucket.limited = false;
    }
    long cost = cost(units);
    long allowance = cost(Math.max(units, rate.burst()));
    long wait = start + cost - now - allowance;
    if (wait > 0) {
      boolean episodeStart = !bucket.limited; // a missing bucket is full and never refuses
      bucket.limited = true;
      return new Decision(wait, episodeStart);
    }
    if (take) {
      if (bucket == null) {
        bucket = admit(station);
      }
      bucket.fullAt = start + cost;
    }
    return Decision.GRANTED;
  }

  private long cost(long units) {
    long most = Long.MAX_VALUE / 4 / interval; // saturate far beyond any real request
    return Math.min(units, most) * interval;
  }

  private Bucket admit(String station) {
    if (buckets.size() >= maxKeys) {
      Iterator<String> eldest = buckets.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    Bucket bucket = new Bucket();
    buckets.put(station, bucket);
    return bucket;
  }

  /** Drops full buckets from the least recently seen end; amortised O(1) per call. */
  private void forgetFullBuckets(long now) {
    Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().fullAt - now > 0) {
        return;
      }
      it.remove();
    }
  }
}
