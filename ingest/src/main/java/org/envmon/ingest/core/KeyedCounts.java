package org.envmon.ingest.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts held per key (connections per station or per host, readings in flight per station),
 * each kept at or below one cap. Only keys holding something are stored, so memory follows
 * what is held, not how many keys were ever seen. Thread-safe.
 */
public final class KeyedCounts {
  /** What {@link #tryAdd} did. */
  public enum Outcome {
    ADDED,
    /** Refused, the first time since the key last gave something back: worth a log line. */
    REFUSED,
    /** Refused again in the same episode: count it, do not log it again. */
    REFUSED_AGAIN;

    public boolean added() {
      return this == ADDED;
    }
  }

  private final int cap;
  private final Map<String, Held> held = new HashMap<>();

  private static final class Held {
    int count;
    boolean refused;
  }

  public KeyedCounts(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be at least 1, got " + cap);
    }
    this.cap = cap;
  }

  public int cap() {
    return cap;
  }

  /** Adds {@code n} (1 .. cap) to {@code key} unless that would take it above the cap. */
  public synchronized Outcome tryAdd(String key, int n) {
    if (n < 1 || n > cap) {
      throw new IllegalArgumentException("n must be 1 .. " + cap + ", got " + n);
    }
    Held h = held.computeIfAbsent(key, k -> new Held());
    if (h.count + n > cap) {
      Outcome outcome = h.refused ? Outcome.REFUSED_AGAIN : Outcome.REFUSED;
      h.refused = true;
      return outcome;
    }
    h.count += n;
    return Outcome.ADDED;
  }

  /** Gives back {@code n} of what {@link #tryAdd} added; ends the key's refusal episode. */
  public synchronized void subtract(String key, int n) {
    Held h = held.get(key);
    if (h == null || n > h.count) {
      throw new IllegalStateException("giving back " + n + " for " + key + " which holds "
          + (h == null ? 0 : h.count));
    }
    h.count -= n;
    h.refused = false;
    if (h.count == 0) {
      held.remove(key);
    }
  }

  /** What {@code key} holds now. */
  public synchronized int count(String key) {
    Held h = held.get(key);
    return h == null ? 0 : h.count;
  }

  /** Keys holding something now. */
  public synchronized int keys() {
    return held.size();
  }
}
