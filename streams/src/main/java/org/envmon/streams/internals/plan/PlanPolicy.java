package org.envmon.streams.internals.plan;

/**
 * How plan progress is judged.
 *
 * @param asYear    re-date every observation to this plan year (a replay of 2013-2017 data judged
 *                  by the 2026 targets), or null to judge each year by its own targets
 * @param graceDays days a scope's day stays open after a later day's first value, so that daily
 *                  values of stations closed late (e.g. silent ones, closed by wall clock) still
 *                  count: day D closes when a value of day D + 1 + graceDays arrives (0-7)
 */
public record PlanPolicy(Integer asYear, int graceDays) {
  /** Each year judged by its own targets; a day closes once a value two days later arrives. */
  public static final PlanPolicy DEFAULT = new PlanPolicy(null, 1);

  public PlanPolicy {
    if (asYear != null && (asYear < 2000 || asYear > 2100)) {
      throw new IllegalArgumentException("as-year must be a plan year between 2000 and 2100, got " + asYear);
    }
    if (graceDays < 0 || graceDays > 7) {
      throw new IllegalArgumentException("plan grace must be 0..7 days, got " + graceDays);
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
