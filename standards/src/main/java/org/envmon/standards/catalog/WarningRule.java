package org.envmon.standards.catalog;

import java.time.LocalDate;

/**
 * A Beijing heavy-pollution warning level condition over forecast daily AQIs. The level is met
 * when every minimum count holds. All built-in warning rules are unconfirmed and configurable.
 *
 * @param id e.g. "BJ-WARN-2023.RED"
 * @param level blue, yellow, orange or red
 * @param source the emergency plan edition
 * @param validFrom first day in force
 * @param validTo last day in force (inclusive), null = open
 * @param minDaysAbove150 days with AQI &gt; 150 needed
 * @param minDaysAbove200 days with AQI &gt; 200 needed
 * @param minDaysAbove300 days with AQI &gt; 300 needed
 * @param minDaysAt500 days with AQI = 500 needed
 * @param unconfirmed wording not confirmed
 */
public record WarningRule(String id, String level, String source, LocalDate validFrom, LocalDate validTo,
    int minDaysAbove150, int minDaysAbove200, int minDaysAbove300, int minDaysAt500, boolean unconfirmed) {

  /** Whether the rule is in force on {@code date}. */
  public boolean inForce(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  /** Whether the forecast daily AQIs meet this level's condition. */
  public boolean metBy(int[] forecastDailyAqi) {
    int above150 = 0;
    int above200 = 0;
    int above300 = 0;
    int at500 = 0;
    for (int aqi : forecastDailyAqi) {
      above150 += aqi > 150 ? 1 : 0;
      above200 += aqi > 200 ? 1 : 0;
      above300 += aqi > 300 ? 1 : 0;
      at500 += aqi >= 500 ? 1 : 0;
    }
    return above150 >= minDaysAbove150 && above200 >= minDaysAbove200 && above300 >= minDaysAbove300
        && at500 >= minDaysAt500;
  }
}
