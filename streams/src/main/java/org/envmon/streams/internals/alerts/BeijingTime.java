package org.envmon.streams.internals.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Beijing local time (UTC+8, no DST): natural days and the dates rules are chosen by. */
public final class BeijingTime {
  /** Beijing's offset from UTC. */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

  private BeijingTime() {}

  /** The Beijing natural day an instant falls in. */
  public static LocalDate dateOf(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(OFFSET).toLocalDate();
  }

  /** Start of a Beijing natural day, epoch millis UTC. */
  public static long startOf(LocalDate date) {
    return date.atStartOfDay().toInstant(OFFSET).toEpochMilli();
  }

  /** The Beijing hour of day (0-23) an instant falls in. */
  public static int hourOf(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(OFFSET).getHour();
  }
}
