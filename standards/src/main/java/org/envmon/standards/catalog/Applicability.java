package org.envmon.standards.catalog;

import java.util.List;

/**
 * Where a rule applies. A null (or empty list) field means "any". A non-null field only matches a
 * query that names the same value, except that a query leaving a class-like field (grade, zone,
 * water class, body type, VOCs comparator) null sees the rules for every value of it.
 * {@code stations} and {@code districts} are restrictions: such a rule only matches a query that
 * names one of them.
 *
 * @param airGrade "I" or "II" (GB 3095 grade)
 * @param noiseZone "0", "1", "2", "3", "4a", "4b" (GB 3096 zone class)
 * @param waterClass "I".."V" (GB 3838 class whose limit this is)
 * @param waterBodyType RIVER or LAKE (lakes and reservoirs)
 * @param vocComparator the screening comparator, e.g. "GB16297-1996-T2"
 * @param stations station ids the rule is restricted to
 * @param districts districts (Chinese short names, e.g. "东城") the rule is restricted to
 */
public record Applicability(String airGrade, String noiseZone, String waterClass, String waterBodyType,
    String vocComparator, List<String> stations, List<String> districts) {

  /** Applies everywhere. */
  public static final Applicability ANY = new Applicability(null, null, null, null, null, List.of(), List.of());

  public Applicability {
    stations = stations == null ? List.of() : List.copyOf(stations);
    districts = districts == null ? List.of() : List.copyOf(districts);
  }

  boolean matches(RuleQuery q) {
    return same(airGrade, q.airGrade())
        && same(noiseZone, q.noiseZone())
        && same(waterClass, q.waterTargetClass())
        && same(waterBodyType, q.waterBodyType())
        && same(vocComparator, q.vocComparator())
        && restricted(stations, q.stationId())
        && restricted(districts, q.district());
  }

  private static boolean restricted(List<String> allowed, String queryValue) {
    return allowed.isEmpty() || (queryValue != null && allowed.contains(queryValue));
  }

  private static boolean same(String ruleValue, String queryValue) {
    return ruleValue == null || queryValue == null || ruleValue.equalsIgnoreCase(queryValue);
  }
}
