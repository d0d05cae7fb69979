package org.envmon.streams.internals.health;

import org.envmon.schemas.Medium;

/**
 * What the health check remembers of one station: which event-time hours had data (a bitmap of
 * the {@value #MAX_WINDOW_HOURS} hours up to the newest), when data first and last arrived, and
 * whether a health alert is open.
 *
 * @param newestHour       newest event-time hour with data, epoch hours (millis / 3 600 000)
 * @param hoursBitmap      bit i set = hour {@code newestHour - i} had data
 * @param firstHour        first event-time hour ever seen (a new station is not judged on hours before it)
 * @param lastArrivalWall  wall-clock millis of the latest reading
 * @param open             whether a station-health alert is open
 * @param episodeStart     start of the open episode, millis UTC (meaningless when not open)
 * @param district         district of the station, for the alert
 * @param medium           medium of the station, for the alert
 */
public record StationActivity(long newestHour, long hoursBitmap, long firstHour, long lastArrivalWall,
                              boolean open, long episodeStart, String district, Medium medium) {
  /** Hours the bitmap can remember. */
  public static final int MAX_WINDOW_HOURS = 48;

  /** A station's first reading. */
  public static StationActivity first(long eventHour, long wallNow, String district, Medium medium) {
    return new StationActivity(eventHour, 1L, eventHour, wallNow, false, 0, district, medium);
  }

  /** Records a reading of event-time hour {@code eventHour} arriving at wall-clock {@code wallNow}. */
  public StationActivity withReading(long eventHour, long wallNow) {
    long bitmap = hoursBitmap;
    long newest = newestHour;
    if (eventHour > newestHour) {
      long shift = eventHour - newestHour;
      bitmap = shift >= 64 ? 0 : bitmap << shift;
      newest = eventHour;
    }
    long age = newest - eventHour;
    if (age < MAX_WINDOW_HOURS) {
      bitmap |= 1L << age;
    }
    return new StationActivity(newest, bitmap, Math.min(firstHour, eventHour), Math.max(lastArrivalWall, wallNow),
        open, episodeStart, district, medium);
  }

  /** Fraction of the last {@code windowHours} event-time hours (not before the first one) with data. */
  public double coverage(int windowHours) {
    long hours = Math.min(windowHours, newestHour - firstHour + 1);
    int withData = Long.bitCount(hoursBitmap & ((1L << hours) - 1));
    return (double) withData / hours;
  }

  /** Same activity with the alert opened at {@code start}. */
  public StationActivity opened(long start) {
    return new StationActivity(newestHour, hoursBitmap, firstHour, lastArrivalWall, true, start, district, medium);
  }

  /** Same activity with the alert cleared. */
  public StationActivity cleared() {
    return new StationActivity(newestHour, hoursBitmap, firstHour, lastArrivalWall, false, 0, district, medium);
  }
}
