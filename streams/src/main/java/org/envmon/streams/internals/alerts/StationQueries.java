package org.envmon.streams.internals.alerts;

import java.time.LocalDate;
import java.util.Optional;
import org.envmon.schemas.Station;
import org.envmon.standards.Statistic;
import org.envmon.standards.catalog.RuleQuery;

/**
 * Builds the catalog query for a value of a station: the station record says which grade, zone,
 * class, water body, district and comparator apply. A query leaving a class-like field empty
 * would see the rules of every class, so a station lacking the field its medium needs is not
 * judged at all.
 */
public final class StationQueries {
  private static final String[] ROMAN = {"I", "II", "III", "IV", "V"};

  private StationQueries() {}

  /** The query, or empty when the station record lacks what its medium needs. */
  public static Optional<RuleQuery> of(Station s, String parameter, Statistic statistic, LocalDate date) {
    RuleQuery q = RuleQuery.of(s.getMedium().name(), parameter, statistic, date)
        .withStation(s.getId(), s.getDistrict());
    return switch (s.getMedium()) {
      case AIR -> s.getAirGrade() >= 1 && s.getAirGrade() <= 2
          ? Optional.of(q.withAirGrade(ROMAN[s.getAirGrade() - 1])) : Optional.empty();
      case NOISE -> Optional.ofNullable(s.getNoiseZone()).map(q::withNoiseZone);
      case WATER -> s.getWaterTargetClass() == null || s.getWaterBodyType() == null
          ? Optional.empty()
          : Optional.of(q.withWaterTargetClass(roman(s.getWaterTargetClass())).withWaterBodyType(s.getWaterBodyType()));
      case VOC -> Optional.ofNullable(s.getVocComparator()).map(q::withVocComparator);
    };
  }

  /** Roman numeral of a GB 3838 class 1-5. */
  public static String roman(int waterClass) {
    if (waterClass < 1 || waterClass > ROMAN.length) {
      throw new IllegalArgumentException("water class must be 1 (I) to 5 (V), got " + waterClass);
    }
    return ROMAN[waterClass - 1];
  }
}
