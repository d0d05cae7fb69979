package org.envmon.standards.noise;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A day or night period of one date. A night is filed under the date it starts: the night
 * 2026-05-01 22:00 .. 2026-05-02 06:00 is (2026-05-01, NIGHT).
 */
public record NoisePeriodKey(LocalDate date, NoisePeriod period) {
  private static final int DAY_START = 6;
  private static final int NIGHT_START = 22;

  /** The period a Beijing local time belongs to. */
  public static NoisePeriodKey of(LocalDateTime beijingTime) {
    int h = beijingTime.getHour();
    LocalDate d = beijingTime.toLocalDate();
    if (h >= DAY_START && h < NIGHT_START) {
      return new NoisePeriodKey(d, NoisePeriod.DAY);
    }
    return new NoisePeriodKey(h < DAY_START ? d.minusDays(1) : d, NoisePeriod.NIGHT);
  }

  /** First instant of the period (inclusive). */
  public LocalDateTime start() {
    return date.atTime(period == NoisePeriod.DAY ? DAY_START : NIGHT_START, 0);
  }

  /** End of the period (exclusive). */
  public LocalDateTime end() {
    return period == NoisePeriod.DAY ? date.atTime(NIGHT_START, 0) : date.plusDays(1).atTime(DAY_START, 0);
  }
}
