package org.envmon.ingest.simulator;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * City-wide weather episodes, shared by every station (haze and ozone are regional): a haze
 * episode of about two days starting on the evening of day 1 of every week of the run, and hot days with strong
 * afternoon ozone on days 1 and 3 of every week. Start hours are jittered by the seed.
 */
final class Episodes {
  private static final int WEEK_HOURS = 7 * 24;

  private final int hazeStart;
  private final int hazeLength;

  Episodes(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    hazeStart = 16 + random.nextInt(6);  // day 1, 16:00 to 21:00
    hazeLength = 50 + random.nextInt(10); // 50 to 59 hours
  }

  /** Haze intensity 0..1 at an hour of the run: 12 h build-up, plateau, 6 h clean-out by a north wind. */
  double haze(long hour) {
    long h = hour % WEEK_HOURS - hazeStart;
    if (h < 0 || h >= hazeLength) {
      return 0;
    }
    if (h < 12) {
      return (h + 1) / 12.0;
    }
    long untilEnd = hazeLength - h;
    return untilEnd <= 6 ? untilEnd / 6.0 : 1;
  }

  /** Whether the day of the run holding this hour is a hot, sunny day. */
  boolean hotDay(long hour) {
    long day = hour % WEEK_HOURS / 24;
    return day == 0 || day == 2;
  }

  /** Warm-season factor for ozone by month: photochemistry needs sun and heat. */
  static double ozoneSeason(LocalDateTime local) {
    return switch (local.getMonthValue()) {
      case 5, 6, 7 -> 1.0;
      case 4, 8, 9 -> 0.85;
      case 3, 10 -> 0.6;
      default -> 0.4;
    };
  }

  /** Heating season and stagnant winters raise particles; summer rain washes them out. */
  static double particleSeason(LocalDateTime local) {
    return switch (local.getMonthValue()) {
      case 11, 12, 1, 2 -> 1.5;
      case 3, 4, 5, 10 -> 1.0;
      default -> 0.75;
    };
  }
}
