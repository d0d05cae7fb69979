package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoadTimingTest {
  private static final int PER_MINUTE = 6_000;

  private static String beijingTime(Instant t) {
    return t.atOffset(ZoneOffset.ofHours(8)).toLocalTime().toString();
  }

  @Test
  void aBeijingMidnightFallsAtTheAskedMinuteAndTheLoadEndsBeforeNow() {
    Instant now = Instant.parse("2026-11-21T20:07:31Z");
    long midnightMinute = LoadTiming.minuteAt(120_000, Duration.ofSeconds(30), PER_MINUTE); // 20 minutes a second

    Instant last = LoadTiming.lastMinute(now, 1_000, midnightMinute);

    assertThat(midnightMinute).isEqualTo(600);
    Instant midnight = last.minus(Duration.ofMinutes(999)).plus(Duration.ofMinutes(600));
    assertThat(beijingTime(midnight)).isEqualTo("00:00");
    assertThat(last).isBeforeOrEqualTo(now);
    assertThat(last).as("the latest such placement").isEqualTo(Instant.parse("2026-11-20T22:39:00Z"));
  }

  @Test
  void whateverTheTimeOfDayTheMidnightIsAtTheSameMinuteOfTheLoad() {
    for (int hour = 0; hour < 24; hour++) {
      Instant now = Instant.parse("2026-11-21T00:00:00Z").plus(Duration.ofMinutes(hour * 60L + 17));
      Instant last = LoadTiming.lastMinute(now, 500, 120);
      assertThat(beijingTime(last.minus(Duration.ofMinutes(499 - 120)))).as("at %s", now).isEqualTo("00:00");
      assertThat(last).isBeforeOrEqualTo(now);
    }
  }

  @Test
  void aMidnightMinuteOutsideTheLoadIsClampedToItsEnds() {
    Instant now = Instant.parse("2026-11-21T20:07:31Z");
    assertThat(beijingTime(LoadTiming.lastMinute(now, 10, 25))).isEqualTo("00:00");
    assertThat(beijingTime(LoadTiming.lastMinute(now, 10, -3).minus(Duration.ofMinutes(9)))).isEqualTo("00:00");
  }

  @Test
  void theDayClosesAtTheAskedMinuteTheGraceAfterAMidnight() {
    Instant now = Instant.parse("2026-11-21T20:07:31Z");
    long closeMinute = 600;

    long midnightMinute = LoadTiming.midnightMinuteForClose(closeMinute, Duration.ofHours(2));
    Instant last = LoadTiming.lastMinute(now, 1_000, midnightMinute);

    assertThat(midnightMinute).isEqualTo(480);
    assertThat(beijingTime(last.minus(Duration.ofMinutes(999 - closeMinute)))).isEqualTo("02:00");
  }

  @Test
  void hourlyMeansBeforeAMinuteLoadEndTheHourBeforeItsFirstMinute() {
    assertThat(LoadTiming.lastHourBefore(Instant.parse("2026-11-21T15:55:00Z")))
        .isEqualTo(Instant.parse("2026-11-21T14:00:00Z"));
    assertThat(LoadTiming.lastHourBefore(Instant.parse("2026-11-21T16:00:00Z")))
        .as("a load starting on the hour").isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
  }
}
