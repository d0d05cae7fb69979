package org.envmon.standards.air;

import java.time.LocalDate;
import java.util.List;
import org.envmon.standards.Parameter;
import org.envmon.standards.StandardVersion;
import org.envmon.standards.Statistic;
import org.envmon.standards.StatisticResult;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.Rule;
import org.envmon.standards.catalog.RuleQuery;

/**
 * GB 3095 / HJ 663 statistics of hourly means with their data-capture rules (GB 3095 Table 4).
 * Inputs are arrays of hourly means in time order; {@code NaN} marks a missing or invalid hour.
 * {@code date} is the Beijing natural day the statistic belongs to and picks the edition.
 */
public final class AirStatistics {
  private static final int MDA8_WINDOWS = 17;

  private final Catalog catalog;

  public AirStatistics(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Statistics judged by the built-in catalog. */
  public static AirStatistics builtIn() {
    return new AirStatistics(Catalog.builtIn());
  }

  /** GB 3095 Table 4: an hourly mean needs at least 45 minutes of sampling in the hour. */
  public boolean hourlyMeanValid(LocalDate date, int sampleMinutes) {
    if (sampleMinutes < 0 || sampleMinutes > 60) {
      throw new IllegalArgumentException("sampleMinutes must be 0..60, got " + sampleMinutes);
    }
    return sampleMinutes >= catalog.validity(Statistic.HOUR_MEAN).required();
  }

  /** Daily (24-hour) mean: mean of the valid hours, valid with at least 20 of the 24. */
  public StatisticResult dailyMean(LocalDate date, Parameter p, double[] hourly24) {
    requireAir(p);
    requireLength(hourly24, 24, "hourly24");
    return mean(date, hourly24, catalog.validity(Statistic.DAILY_MEAN).required());
  }

  /**
   * Moving mean over the last 8 (O3, at least 6 valid) or 24 (at least 20 valid) hourly means;
   * {@code hours} holds exactly 8 or 24 values.
   */
  public StatisticResult movingMean(LocalDate date, Parameter p, Statistic window, double[] hours) {
    int length = switch (window) {
      case ROLLING_8H -> 8;
      case ROLLING_24H -> 24;
      default -> throw new IllegalArgumentException("movingMean takes ROLLING_8H or ROLLING_24H, got " + window);
    };
    requireAir(p);
    requireLength(hours, length, "hours");
    return mean(date, hours, catalog.validity(window).required());
  }

  /**
   * O3 daily maximum 8-hour mean over the 17 windows 00-08 .. 16-24 of the day. A window is an
   * 8-hour mean (at least 6 valid hours). The MDA8 is valid with at least 14 valid windows, or
   * with fewer if it still exceeds the O3 MDA8 limit of {@code airGrade} (1 or 2).
   */
  public StatisticResult mda8(LocalDate date, double[] hourly24, int airGrade) {
    requireLength(hourly24, 24, "hourly24");
    String grade = grade(airGrade);
    int minHours = catalog.validity(Statistic.ROLLING_8H).required();
    double max = Double.NaN;
    int validWindows = 0;
    for (int start = 0; start < MDA8_WINDOWS; start++) {
      double[] window = new double[8];
      System.arraycopy(hourly24, start, window, 0, 8);
      Sum s = Sum.of(window);
      if (s.count >= minHours) {
        validWindows++;
        double m = s.total / s.count;
        max = Double.isNaN(max) ? m : Math.max(max, m);
      }
    }
    int required = catalog.validity(Statistic.O3_MDA8).required();
    String standard = StandardVersion.on(date).airQuality();
    if (validWindows == 0) {
      return new StatisticResult(null, 0, required, false, standard);
    }
    boolean valid = validWindows >= required || aboveLimit(date, Statistic.O3_MDA8, grade, max);
    return new StatisticResult(max, validWindows, required, valid, standard);
  }

  /**
   * Largest O3 hourly mean of the day. envmon's rule (HJ 663 gives none for this statistic in the
   * reference): valid with at least 20 valid hours like a daily mean, or with fewer if the
   * maximum already exceeds the O3 1-hour limit of Grade II.
   */
  public StatisticResult o3Daily1hMax(LocalDate date, double[] hourly24) {
    requireLength(hourly24, 24, "hourly24");
    double max = Double.NaN;
    int count = 0;
    for (double v : hourly24) {
      if (!Double.isNaN(v)) {
        count++;
        max = Double.isNaN(max) ? v : Math.max(max, v);
      }
    }
    int required = catalog.validity(Statistic.DAILY_MEAN).required();
    String standard = StandardVersion.on(date).airQuality();
    if (count == 0) {
      return new StatisticResult(null, 0, required, false, standard);
    }
    boolean valid = count >= required || aboveLimit(date, Statistic.O3_1H_MAX, "II", max);
    return new StatisticResult(max, count, required, valid, standard);
  }

  private boolean aboveLimit(LocalDate date, Statistic statistic, String grade, double value) {
    List<Rule> rules = catalog.applicable(RuleQuery.of("AIR", Parameter.O3.code(), statistic, date)
        .withAirGrade(grade));
    return rules.stream().anyMatch(r -> r.exceeds(value));
  }

  static String grade(int airGrade) {
    return switch (airGrade) {
      case 1 -> "I";
      case 2 -> "II";
      default -> throw new IllegalArgumentException("airGrade must be 1 or 2 (GB 3095 Grade I or II), got " + airGrade);
    };
  }

  private static StatisticResult mean(LocalDate date, double[] values, int required) {
    Sum s = Sum.of(values);
    String standard = StandardVersion.on(date).airQuality();
    if (s.count == 0) {
      return new StatisticResult(null, 0, required, false, standard);
    }
    return new StatisticResult(s.total / s.count, s.count, required, s.count >= required, standard);
  }

  private static void requireAir(Parameter p) {
    if (!p.medium().equals("AIR")) {
      throw new IllegalArgumentException(p.code() + " is not an air pollutant; GB 3095 statistics apply to air only");
    }
  }

  private static void requireLength(double[] values, int length, String name) {
    if (values == null || values.length != length) {
      throw new IllegalArgumentException(name + " must hold exactly " + length
          + " hourly means (NaN for a missing hour), got " + (values == null ? "null" : values.length));
    }
  }

  /** Sum and count of the non-NaN values. */
  private record Sum(double total, int count) {
    static Sum of(double[] values) {
      double total = 0;
      int count = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          total += v;
          count++;
        }
      }
      return new Sum(total, count);
    }
  }
}
