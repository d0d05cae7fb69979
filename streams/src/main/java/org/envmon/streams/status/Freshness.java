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

  /** True when {@code candidate} replaces {@code current}; an equal period and revision (a replay) replaces too. */
  boolean replaces(V candidate, V current) {
    int byPeriod = period.apply(candidate).compareTo(period.apply(current));
    return byPeriod > 0 || (byPeriod == 0 && revision.applyAsInt(candidate) >= revision.applyAsInt(current));
  }
}
