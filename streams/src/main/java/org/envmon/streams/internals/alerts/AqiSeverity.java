package org.envmon.streams.internals.alerts;

import java.util.List;
import org.envmon.standards.catalog.AqiCategory;

/**
 * AQI alerts from the HJ 633 categories in the catalog: a day above the good band (level 2, 良)
 * exceeds; the severity follows the category: 轻度 warning, 中度 major, 重度 and 严重 critical.
 */
public final class AqiSeverity {
  /** The level whose upper bound is the last good AQI (良, AQI 100). */
  static final int LAST_GOOD_LEVEL = 2;

  private AqiSeverity() {}

  /** The highest AQI of a good day (AQI of the upper bound of level 2 in the catalog). */
  public static int goodDayMaximum(List<AqiCategory> categories) {
    return categories.stream().filter(c -> c.level() == LAST_GOOD_LEVEL).mapToInt(AqiCategory::maxAqi).findFirst()
        .orElseThrow(() -> new IllegalStateException("the catalog has no AQI category of level " + LAST_GOOD_LEVEL
            + " (良); check the categories section of the catalog"));
  }

  /** Severity of a day of the given AQI level (1-6). */
  public static Severity ofLevel(int level) {
    if (level <= LAST_GOOD_LEVEL) {
      return Severity.INFO;
    }
    return switch (level) {
      case 3 -> Severity.WARNING;
      case 4 -> Severity.MAJOR;
      default -> Severity.CRITICAL;
    };
  }
}
