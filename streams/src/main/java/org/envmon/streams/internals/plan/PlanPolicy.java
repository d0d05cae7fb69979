package org.envmon.streams.internals.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * How plan progress is judged.
 *
 * @param asYear      re-date every observation to this plan year (a replay of 2013-2017 data
 *                    judged by the 2026 targets), or null to judge each year by its own targets
 * @param graceDays   how far (days) the scope's newest day may run ahead of a <em>silent</em>
 *                    station that has not moved past an open day before that day closes without
 *                    it (0-60): a day closes as soon as every station of the scope delivered a
 *                    later day; a silent station holds it for at most graceDays more days
 * @param silentAfter wall-clock time without a value after which a station counts as silent; a
 *                    station still delivering holds its days open however far behind it runs (in
 *                    a full-speed replay partitions drift apart by months)
 */
public record PlanPolicy(Integer asYear, int graceDays, Duration silentAfter) {
  /** Each year judged by its own targets; a station silent for 2 h holds a day open for at most 7 days. */
  public static final PlanPolicy DEFAULT = new PlanPolicy(null, 7, Duration.ofHours(2));

  public PlanPolicy {
    Objects.requireNonNull(silentAfter, "silentAfter");
    if (silentAfter.isNegative() || silentAfter.isZero()) {
      throw new IllegalArgumentException("plan silentAfter must be positive, got " + silentAfter);
    }
    if (asYear != null && (asYear < 2000 || asYear > 2100)) {
      throw new IllegalArgumentException("as-year must be a plan year between 2000 and 2100, got " + asYear);
    }
    if (graceDays < 0 || graceDays > 60) {
      throw new IllegalArgumentException("plan grace must be 0..60 days, got " + graceDays);
    }
  }

  /** The plan year a Beijing date is judged in. */
  public int planYear(int dataYear) {
    return asYear == null ? dataYear : asYear;
  }

  /** The original year when re-dated, else null. */
  public Integer redatedFrom(int dataYear) {
    return asYear == null || asYear == dataYear ? null : dataYear;
  }
}
