package org.envmon.streams.internals.alerts;

import java.time.Instant;

/** Deterministic alert ids and state-store keys, stable across restarts and replays. */
public final class AlertIds {
  private AlertIds() {}

  /** {@code station|rule|episode start (ISO-8601 UTC)}, e.g. {@code Dongsi|GB3095-2012.PM2_5.DAILY_MEAN.II|2015-01-01T16:00:00Z}. */
  public static String alertId(String subject, String ruleId, long episodeStart) {
    return subject + "|" + ruleId + "|" + Instant.ofEpochMilli(episodeStart);
  }

  /** Key of the alert state of one (station, rule). */
  public static String stateKey(String subject, String ruleId) {
    return subject + "|" + ruleId;
  }
}
