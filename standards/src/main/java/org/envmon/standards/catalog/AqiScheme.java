package org.envmon.standards.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One edition of HJ 633 as data: breakpoints, special rules, rounding and input sets.
 *
 * @param id e.g. "HJ633-2012"
 * @param standard e.g. "HJ 633-2012", carried by every AQI computed with it
 * @param source clause/table
 * @param validFrom first day in force
 * @param validTo last day in force (inclusive), null = open
 * @param iaqiLevels the IAQI levels 0, 50, 100, ... 500
 * @param breakpoints per input (e.g. "PM2_5_24H") the concentrations at the first n levels,
 *     strictly increasing
 * @param so2HourAbove800 USE_SO2_24H (2012) or FIXED_200 (2026)
 * @param o3EightHourAbove800 USE_O3_1H (2012) or FIXED_300 (2026)
 * @param preRoundDecimals per pollutant the decimals concentrations are rounded to (half-even)
 *     before scoring; empty = no pre-rounding
 * @param dailyInputs inputs of the daily AQI
 * @param hourlyInputs inputs of the real-time hourly AQI
 * @param missingPublishAbove with a pollutant missing, publish only an AQI above this; null =
 *     the edition has no such rule (compute from the rest)
 * @param exceedingPollutantAbove pollutants with an IAQI above this are "exceeding pollutants"
 *     (超标污染物, HJ 633-2012); null = the edition has no such concept
 */
public record AqiScheme(String id, String standard, String source, LocalDate validFrom, LocalDate validTo,
    List<Integer> iaqiLevels, Map<String, List<BigDecimal>> breakpoints, String so2HourAbove800,
    String o3EightHourAbove800, Map<String, Integer> preRoundDecimals, List<String> dailyInputs,
    List<String> hourlyInputs, Integer missingPublishAbove, Integer exceedingPollutantAbove) {

  public AqiScheme {
    iaqiLevels = List.copyOf(iaqiLevels);
    breakpoints = Map.copyOf(breakpoints);
    preRoundDecimals = Map.copyOf(preRoundDecimals);
    dailyInputs = List.copyOf(dailyInputs);
    hourlyInputs = List.copyOf(hourlyInputs);
  }

  /** Whether the edition is in force on {@code date}. */
  public boolean inForce(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }
}
