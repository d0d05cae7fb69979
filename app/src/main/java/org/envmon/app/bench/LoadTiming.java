package org.envmon.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.envmon.standards.BeijingZone;

/**
 * Where a bench load's event time lies. The loads replay minutes far faster than real time, so
 * they cross an hour every few seconds and a Beijing day every minute or two. A day's close
 * (daily statistics, daily AQI, plan progress for every station at once) is the heaviest moment
 * of the pipeline's day; ending a load's event time at "now" put it inside or outside a measured
 * span depending on the time of day the bench ran. The bench places the day's close at a chosen
 * minute of each load instead (the backlog: half-way through its untimed warm-up, so the JIT has
 * compiled the day's close; the half load: half-way through the timed probes). A station closes
 * its day when its clock passes the Beijing midnight plus the streams grace (2 hours by default)
 * plus its own offset below the day-close spread (1 hour by default), so the midnight lies the
 * grace earlier and the closes run on over the spread from there. No event time is in the future.
 */
final class LoadTiming {

  private LoadTiming() {}

  /**
   * The last minute of a load of {@code minutes} minutes of event time whose minute
   * {@code midnightMinute} (0-based) is a Beijing midnight: the latest such placement not after {@code now}.
   */
  static Instant lastMinute(Instant now, long minutes, long midnightMinute) {
    long minutesAfterMidnight = minutes - 1 - Math.min(minutes - 1, Math.max(0, midnightMinute));
    Instant latestMidnight = now.minus(Duration.ofMinutes(minutesAfterMidnight));
    LocalDate day = latestMidnight.atOffset(BeijingZone.OFFSET).toLocalDate();
    Instant midnight = day.atStartOfDay().toInstant(BeijingZone.OFFSET);
    return midnight.plus(Duration.ofMinutes(minutesAfterMidnight)).truncatedTo(ChronoUnit.MINUTES);
  }

  /**
   * The minute (0-based, possibly negative: before the load) that is a Beijing midnight if the
   * stations are to close that day at minute {@code closeMinute}, {@code grace} after the midnight.
   */
  static long midnightMinuteForClose(long closeMinute, Duration grace) {
    return closeMinute - grace.toMinutes();
  }

  /**
   * The last hour of hourly means that run on into a minute load starting at {@code firstMinute}:
   * the hour before the one that minute is in, so no station's clock goes back.
   */
  static Instant lastHourBefore(Instant firstMinute) {
    return firstMinute.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
  }

  /** The minute of event time a load at {@code rate} readings per second reaches {@code after} its start. */
  static long minuteAt(double rate, Duration after, int perMinute) {
    return (long) (rate * (after.toNanos() / 1e9)) / perMinute;
  }
}
