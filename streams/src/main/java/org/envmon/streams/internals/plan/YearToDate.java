package org.envmon.streams.internals.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.envmon.standards.aqi.AqiResult;

/**
 * A scope's (district's or city's) year so far: the sums behind the plan targets, the run of
 * consecutive polluted days (for heavy-pollution warning levels), and how far each station has
 * delivered. The station values of the days still open are kept apart, one {@link DistrictDay}
 * per day ({@link OpenDays}): in a replay whose partitions run months apart a scope can hold
 * hundreds of open days, and this state is read and written for every station-day.
 *
 * @param dataYear   the year of the data counted
 * @param pm25Sum    sum of the scope's daily PM2.5 values
 * @param pm25Days   days with a daily PM2.5 value
 * @param aqiDays    days with a published daily AQI (valid monitoring days)
 * @param goodDays   days with AQI level 1-2 (AQI within 良)
 * @param heavyDays  days with AQI level 5-6 (AQI above 200, 重度 and 严重)
 * @param lastClosed the newest closed day, or null
 * @param pollutedRun daily AQIs of the consecutive days up to {@code lastClosed} with level 4 or
 *                   worse (AQI above 150), oldest first; empty after a cleaner day
 * @param stationDays newest day each station of the scope has delivered a value for: a day
 *                    closes only once every station has moved past it ({@link LocalDate#MAX}
 *                    after the station's end of input)
 * @param stationArrivals wall-clock millis of each station's latest value, to tell a silent
 *                    station from one that runs behind
 */
public record YearToDate(int dataYear, double pm25Sum, int pm25Days, int aqiDays, int goodDays, int heavyDays,
                         LocalDate lastClosed, List<Integer> pollutedRun, Map<String, LocalDate> stationDays,
                         Map<String, Long> stationArrivals) {
  /** Highest AQI level of a good day (优 and 良). */
  static final int LAST_GOOD_LEVEL = 2;
  /** First AQI level of a polluted day counted in a warning run (中度污染). */
  static final int FIRST_RUN_LEVEL = 4;
  /** First AQI level of a heavy-pollution day (重度污染). */
  static final int FIRST_HEAVY_LEVEL = 5;

  /**
   * The station maps are this state's own copies and change in place ({@link #deliver}): a scope
   * takes one input per station-day, and copying them for each made a day of n stations O(n²).
   */
  public YearToDate {
    pollutedRun = List.copyOf(pollutedRun);
    stationDays = new HashMap<>(Objects.requireNonNull(stationDays, "stationDays"));
    stationArrivals = new HashMap<>(Objects.requireNonNull(stationArrivals, "stationArrivals"));
  }

  /** Nothing seen yet. */
  public static YearToDate empty() {
    return new YearToDate(0, 0, 0, 0, 0, 0, null, List.of(), Map.of(), Map.of());
  }

  /** Whether a day was closed already (its late values can no longer be counted). */
  public boolean closed(LocalDate day) {
    return lastClosed != null && !day.isAfter(lastClosed);
  }

  /**
   * Notes, in this state, a station's day delivered at wall-clock {@code wallNow} (its values go to
   * the day's {@link DistrictDay}); an end-of-input marker instead marks the station as past every day.
   */
  public void deliver(PlanInput in, long wallNow) {
    stationArrivals.put(in.stationId(), wallNow);
    if (in.endOfInput()) {
      stationDays.put(in.stationId(), LocalDate.MAX);
    } else {
      // a station delivering again after its end-of-input marker is back in the count
      stationDays.merge(in.stationId(), in.date(), (a, b) -> a.equals(LocalDate.MAX) || b.isAfter(a) ? b : a);
    }
  }

  /**
   * Whether {@code station} alone keeps every day from {@code bound} on open, as
   * {@link #closesBefore} judges it: it still delivers (is not silent), has not ended, and has
   * not passed {@code bound} (a registered station that never delivered has passed no day).
   * Answers false for a silent station, whose hold depends on the newest day of all. Sound while
   * some station of the scope has delivered a day and not ended (else {@code closesBefore}
   * closes everything).
   */
  public boolean holds(String station, LocalDate bound, Activity activity) {
    LocalDate passed = stationDays.getOrDefault(station, LocalDate.MIN);
    return !passed.equals(LocalDate.MAX) && !passed.isAfter(bound) && !activity.silent(stationArrivals.get(station));
  }

  /**
   * The first day that cannot close yet: every open day before it can. A day closes
   * once every expected station of the scope has moved past it. A station that runs behind but
   * still delivers holds its days (stations' partitions advance at different speeds, a replay most
   * of all); a station silent on the wall clock holds them no more than {@code maxLagDays} behind
   * the newest day seen, so that it cannot hold the scope open forever. A registered station that
   * never delivered counts as silent from {@code watchingSince}. Once input has ended for every
   * station seen (end-of-input markers), every open day closes.
   *
   * @param expected the scope's stations (from the registry); the stations seen so far when empty
   * @param activity the wall clock now, when this instance started watching, and the silence
   * @return the exclusive bound: {@link LocalDate#MIN} when no day can close, {@link LocalDate#MAX}
   *         when every day can
   */
  public LocalDate closesBefore(Set<String> expected, int maxLagDays, Activity activity) {
    if (stationDays.isEmpty()) {
      return LocalDate.MIN;
    }
    LocalDate newest = null;
    for (LocalDate day : stationDays.values()) {
      if (!day.equals(LocalDate.MAX) && (newest == null || day.isAfter(newest))) {
        newest = day;
      }
    }
    if (newest == null) {
      return LocalDate.MAX;
    }
    LocalDate graceBound = newest.minusDays(maxLagDays);
    LocalDate before = LocalDate.MAX;
    for (String station : expected.isEmpty() ? stationDays.keySet() : expected) {
      LocalDate passed = stationDays.getOrDefault(station, LocalDate.MIN);
      if (passed.equals(LocalDate.MAX)) {
        continue; // its input has ended
      }
      boolean silent = activity.silent(stationArrivals.get(station));
      LocalDate limit = silent && passed.isBefore(graceBound) ? graceBound : passed;
      before = limit.isBefore(before) ? limit : before;
    }
    // only unregistered stations deliver: close what they have passed
    return before.equals(LocalDate.MAX) ? newest : before;
  }

  /**
   * When a station counts as silent.
   *
   * @param wallNow       wall-clock millis now
   * @param watchingSince wall-clock millis this instance started (the start of a never-seen station's silence)
   * @param silentAfterMs silence after which a station no longer holds days open beyond the grace
   */
  public record Activity(long wallNow, long watchingSince, long silentAfterMs) {
    boolean silent(Long lastArrival) {
      long since = lastArrival == null ? watchingSince : Math.max(lastArrival, watchingSince);
      return wallNow - since >= silentAfterMs;
    }
  }

  /**
   * The state after closing {@code day} with its scope values; a day of a new year starts the
   * counts afresh.
   *
   * @param pm25 the scope's daily PM2.5 (mean of its stations), or null
   * @param aqi  the scope's daily AQI computed from the station-mean concentrations
   */
  public YearToDate close(LocalDate day, Double pm25, AqiResult aqi) {
    boolean newYear = day.getYear() != dataYear;
    double sum = newYear ? 0 : pm25Sum;
    int pDays = newYear ? 0 : pm25Days;
    int aDays = newYear ? 0 : aqiDays;
    int good = newYear ? 0 : goodDays;
    int heavy = newYear ? 0 : heavyDays;
    if (pm25 != null) {
      sum += pm25;
      pDays++;
    }
    List<Integer> run = new ArrayList<>();
    if (aqi != null && aqi.aqi() != null) {
      aDays++;
      good += aqi.level() <= LAST_GOOD_LEVEL ? 1 : 0;
      heavy += aqi.level() >= FIRST_HEAVY_LEVEL ? 1 : 0;
      if (aqi.level() >= FIRST_RUN_LEVEL) {
        boolean continues = lastClosed != null && lastClosed.plusDays(1).equals(day);
        if (continues) {
          run.addAll(pollutedRun);
        }
        run.add(aqi.aqi());
      }
    }
    return new YearToDate(day.getYear(), sum, pDays, aDays, good, heavy, day, run, stationDays, stationArrivals);
  }
}
