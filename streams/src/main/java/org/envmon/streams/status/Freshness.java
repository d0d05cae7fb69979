package org.envmon.streams.status;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.PlanProgress;

/**
 * Which of two records of one key is the latest: the later period wins, and within a period the
 * higher revision. A late revision of an older period therefore never hides a newer period.
 */
record Freshness<V>(Function<V, Instant> period, ToIntFunction<V> revision) {
  static final Freshness<HourlyValue> HOURLY = new Freshness<>(HourlyValue::getHourStart, HourlyValue::getRevision);
  static final Freshness<AqiRecord> AQI = new Freshness<>(AqiRecord::getPeriodStart, AqiRecord::getRevision);
  /** Plan progress has no revision: a recount of the same day replaces the earlier one. */
  static final Freshness<PlanProgress> PLAN = new Freshness<>(PlanProgress::getAsOf, p -> 0);

  /** What decides whether a record is the latest: its period and revision. */
  Stamp stamp(V value) {
    return new Stamp(period.apply(value).toEpochMilli(), revision.applyAsInt(value));
  }

  /** A record's period start (epoch ms) and revision. */
  record Stamp(long periodMillis, int revision) {
    /** True when a record with this stamp replaces one with {@code current}; an equal stamp (a replay) replaces too. */
    boolean replaces(Stamp current) {
      return periodMillis > current.periodMillis
          || (periodMillis == current.periodMillis && revision >= current.revision);
    }
  }
}
