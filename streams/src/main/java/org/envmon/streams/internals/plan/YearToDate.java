package org.envmon.streams.internals.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.Objects;
import java.util.TreeMap;
import org.envmon.standards.aqi.AqiResult;

/**
 * A scope's (district's or city's) year so far: the sums behind the plan targets, the run of
 * consecutive polluted days (for heavy-pollution warning levels), and the days still open.
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
 * @param openDays   days not closed yet, by date
 * @param stationDays newest day each station of the scope has delivered a value for: a day
 *                    closes only once every station has moved past it
 */
public record YearToDate(int dataYear, double pm25Sum, int pm25Days, int aqiDays, int goodDays, int heavyDays,
                         LocalDate lastClosed, List<Integer> pollutedRun, NavigableMap<LocalDate, DistrictDay> openDays,
                         Map<String, LocalDate> stationDays) {
  /** Highest AQI level of a good day (优 and 良). */
  static final int LAST_GOOD_LEVEL = 2;
  /** First AQI level of a polluted day counted in a warning run (中度污染). */
  static final int FIRST_RUN_LEVEL = 4;
  /** First AQI level of a heavy-pollution day (重度污染). */
  static final int FIRST_HEAVY_LEVEL = 5;

  public YearToDate {
    pollutedRun = List.copyOf(pollutedRun);
    openDays = new TreeMap<>(Objects.requireNonNull(openDays, "openDays"));
    stationDays = Map.copyOf(Objects.requireNonNull(stationDays, "stationDays"));
  }

  /** Nothing seen yet. */
  public static YearToDate empty() {
    return new YearToDate(0, 0, 0, 0, 0, 0, null, List.of(), new TreeMap<>(), Map.of());
  }

  /** Whether a day was closed already (its late values can no longer be counted). */
  public boolean closed(LocalDate day) {
    return lastClosed != null && !day.isAfter(lastClosed);
  }

  /**
   * The state with a station value added to its open day; an end-of-input marker instead marks
   * the station as past every day.
   */
  public YearToDate with(PlanInput in) {
    if (in.endOfInput()) {
      Map<String, LocalDate> stations = new HashMap<>(stationDays);
      stations.put(in.stationId(), LocalDate.MAX);
      return new YearToDate(dataYear, pm25Sum, pm25Days, aqiDays, goodDays, heavyDays, lastClosed, pollutedRun,
          openDays, stations);
    }
    NavigableMap<LocalDate, DistrictDay> days = new TreeMap<>(openDays);
    DistrictDay day = days.getOrDefault(in.date(), DistrictDay.empty());
    for (Map.Entry<String, Double> value : in.values().entrySet()) {
      day = day.with(value.getKey(), in.stationId(), value.getValue());
    }
    days.put(in.date(), day);
    Map<String, LocalDate> stations = new HashMap<>(stationDays);
    // a station delivering again after its end-of-input marker is back in the count
    stations.merge(in.stationId(), in.date(), (a, b) -> a.equals(LocalDate.MAX) || b.isAfter(a) ? b : a);
    return new YearToDate(dataYear, pm25Sum, pm25Days, aqiDays, goodDays, heavyDays, lastClosed, pollutedRun, days,
        stations);
  }

  /**
   * Open days that can close, oldest first: days every expected station of the scope has moved
   * past (stations' partitions advance at different speeds, a replay most of all), and days more
   * than {@code maxLagDays} before the newest day seen, so that one silent station cannot hold
   * the scope open forever. Once input has ended for every station seen (end-of-input markers),
   * every open day closes, even if a registered station never delivered.
   *
   * @param expected the scope's stations (from the registry); the stations seen so far when empty
   */
  public List<Map.Entry<LocalDate, DistrictDay>> closable(Set<String> expected, int maxLagDays) {
    if (stationDays.isEmpty()) {
      return List.of();
    }
    List<LocalDate> delivering = stationDays.values().stream().filter(d -> !d.equals(LocalDate.MAX)).toList();
    if (delivering.isEmpty()) {
      return new ArrayList<>(openDays.entrySet());
    }
    Set<String> stations = expected.isEmpty() ? stationDays.keySet() : expected;
    LocalDate slowest = stations.stream().map(s -> stationDays.getOrDefault(s, LocalDate.MIN))
        .min(LocalDate::compareTo).orElse(LocalDate.MIN);
    LocalDate newest = Collections.max(delivering);
    LocalDate bound = newest.minusDays(maxLagDays);
    LocalDate before = slowest.isAfter(bound) ? slowest : bound;
    return new ArrayList<>(openDays.headMap(before, false).entrySet());
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
    NavigableMap<LocalDate, DistrictDay> days = new TreeMap<>(openDays);
    days.remove(day);
    return new YearToDate(day.getYear(), sum, pDays, aDays, good, heavy, day, run, days, stationDays);
  }
}
