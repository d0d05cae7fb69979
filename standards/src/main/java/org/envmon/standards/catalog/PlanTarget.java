package org.envmon.standards.catalog;

/**
 * A numeric goal from a plan document.
 *
 * @param scope "city", a district short name ("东城"), "each-district" or "jingjinji"
 * @param target e.g. pm25_annual, good_day_ratio, heavy_days
 * @param year the year the goal is for
 * @param value the goal
 * @param unit unit of value
 * @param comparison ABOVE: an actual above value misses the goal; BELOW: below misses it
 * @param source plan file and table
 * @param note free text
 */
public record PlanTarget(String scope, String target, int year, double value, String unit,
    Comparison comparison, String source, String note) {

  /** Whether {@code actual} meets the goal (a value exactly at the goal meets it). */
  public boolean met(double actual) {
    return !comparison.exceeds(actual, value);
  }
}
