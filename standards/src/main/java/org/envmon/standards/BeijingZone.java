package org.envmon.standards;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The clock envmon's days and hours follow: Beijing time, UTC+8 (China has kept no daylight
 * saving time since 1991). GB 3095-2012's natural day (自然日) and the plans' years are Beijing
 * dates, and the feeds label their hours in it. Every module takes the offset from here.
 */
public final class BeijingZone {
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

  private BeijingZone() {}

  /** Today's date in Beijing. */
  public static LocalDate today() {
    return LocalDate.now(OFFSET);
  }
}
