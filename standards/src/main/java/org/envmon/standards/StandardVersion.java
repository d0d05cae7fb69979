package org.envmon.standards;

import java.time.LocalDate;

/** Which edition of the air standards is in force on a Beijing natural day. */
public enum StandardVersion {
  V2012("GB 3095-2012", "HJ 633-2012", "HJ 663-2013"),
  V2026("GB 3095-2026", "HJ 633-2026", "HJ 663-2026");

  /** First day the 2026 editions are in force (Beijing local date). */
  public static final LocalDate SWITCH_DATE = LocalDate.of(2026, 3, 1);

  private final String airQuality;
  private final String aqi;
  private final String evaluation;

  StandardVersion(String airQuality, String aqi, String evaluation) {
    this.airQuality = airQuality;
    this.aqi = aqi;
    this.evaluation = evaluation;
  }

  /** The edition in force on {@code date}: 2026 editions from 2026-03-01, 2012 before. */
  public static StandardVersion on(LocalDate date) {
    if (date == null) {
      throw new IllegalArgumentException("date is required to choose the standard version");
    }
    return date.isBefore(SWITCH_DATE) ? V2012 : V2026;
  }

  /** e.g. "GB 3095-2012". */
  public String airQuality() {
    return airQuality;
  }

  /** e.g. "HJ 633-2012". */
  public String aqi() {
    return aqi;
  }

  /** e.g. "HJ 663-2013". */
  public String evaluation() {
    return evaluation;
  }
}
