package org.envmon.streams.internals;

import java.time.Instant;
import java.time.LocalDate;
import org.envmon.standards.BeijingZone;

/** Hours and natural days in Beijing time (UTC+8, no DST), as the standards define them. */
public final class BeijingTime {
  public static final long HOUR_MS = 3_600_000L;
  public static final long DAY_MS = 24 * HOUR_MS;
  private static final long OFFSET_MS = BeijingZone.OFFSET.getTotalSeconds() * 1000L;

  private BeijingTime() {}

  /** Start of the hour containing {@code epochMillis}. */
  public static long hourStart(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR_MS) * HOUR_MS;
  }

  /** Start (UTC millis) of the Beijing natural day containing {@code epochMillis}. */
  public static long dayStart(long epochMillis) {
    return Math.floorDiv(epochMillis + OFFSET_MS, DAY_MS) * DAY_MS - OFFSET_MS;
  }

  /** Beijing date of {@code epochMillis}. */
  public static LocalDate date(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(BeijingZone.OFFSET).toLocalDate();
  }

  /** Hour of the Beijing day (0-23) of the hour starting at {@code hourStart}. */
  public static int hourOfDay(long hourStart) {
    return (int) ((hourStart - dayStart(hourStart)) / HOUR_MS);
  }

  /** Start of a Beijing natural day, epoch millis UTC. */
  public static long startOf(LocalDate date) {
    return date.atStartOfDay().toInstant(BeijingZone.OFFSET).toEpochMilli();
  }

  /** The Beijing hour of day (0-23) an instant falls in. */
  public static int hourOf(long epochMillis) {
    return hourOfDay(hourStart(epochMillis));
  }
}
