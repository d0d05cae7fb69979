package org.envmon.standards.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envmon.standards.Parameter;
import org.envmon.standards.catalog.AqiCategory;
import org.envmon.standards.catalog.AqiScheme;
import org.envmon.standards.catalog.Catalog;

/**
 * HJ 633 individual and overall AQI, edition chosen by the Beijing date of the observation.
 * Arithmetic is exact (BigDecimal): a concentration on a breakpoint gives exactly that
 * breakpoint's IAQI, and IAQIs are rounded up (进位) to integers.
 */
public final class AqiCalculator {
  /** Keys of the hourly input map. SO2_24H is optional: the 2012 rule for SO2 1-h above 800. */
  public static final List<String> HOURLY_KEYS = List.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3");
  /** Keys of the daily input map: 24-h means, O3 = daily max 1-h mean, O3_8H = MDA8. */
  public static final List<String> DAILY_KEYS = List.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3", "O3_8H");

  private static final BigDecimal EIGHT_HUNDRED = BigDecimal.valueOf(800);
  private static final List<String> COLUMN_SUFFIXES = List.of("_24H", "_1H", "_8H");
  /** Optional hourly input: the SO2 24-h mean scoring an SO2 1-h mean above 800 under HJ 633-2012. */
  public static final String SO2_24H = "SO2_24H";

  private final Catalog catalog;

  public AqiCalculator(Catalog catalog) {
    this.catalog = catalog;
  }

  public static AqiCalculator builtIn() {
    return new AqiCalculator(Catalog.builtIn());
  }

  /** The edition ("HJ 633-2012" / "HJ 633-2026") in force on {@code date}. */
  public String standard(LocalDate date) {
    return catalog.aqiScheme(date).standard();
  }

  /**
   * Real-time hourly AQI from 1-hour means keyed PM2_5, PM10, SO2, NO2, CO, O3; other parameter
   * codes such as NOX are ignored, anything else is rejected. PM is scored against the 24-h
   * breakpoints. Under HJ 633-2012 an SO2 1-h mean above 800 is scored by the
   * SO2 24-h mean, which the caller passes as SO2_24H; without it SO2 counts as missing.
   */
  public AqiResult hourly(LocalDate date, Map<String, Double> oneHourMeans) {
    AqiScheme scheme = catalog.aqiScheme(date);
    checkKeys(oneHourMeans, Set.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3", SO2_24H), "hourly");
    return compute(scheme, scheme.hourlyInputs(), oneHourMeans);
  }

  /**
   * Daily AQI from 24-h means keyed PM2_5, PM10, SO2, NO2, CO, plus O3 (daily max 1-h mean;
   * an input under HJ 633-2012 only) and O3_8H (MDA8).
   */
  public AqiResult daily(LocalDate date, Map<String, Double> dailyInputs) {
    AqiScheme scheme = catalog.aqiScheme(date);
    checkKeys(dailyInputs, Set.copyOf(DAILY_KEYS), "daily");
    return compute(scheme, scheme.dailyInputs(), dailyInputs);
  }

  private AqiResult compute(AqiScheme scheme, List<String> inputs, Map<String, Double> values) {
    Map<String, Integer> iaqi = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String input : inputs) {
      String key = keyOf(input);
      Double c = present(values, key);
      Integer score = c == null ? null : score(scheme, input, c, values);
      if (score == null) {
        missing.add(key);
      } else {
        iaqi.put(key, score);
      }
    }
    return result(scheme, iaqi, missing);
  }

  /**
   * IAQI of one input, e.g. "PM2_5_24H", "SO2_1H", "O3_8H", "CO_1H". Inputs the edition
   * defines by another pollutant's IAQI (HJ 633-2012: SO2 1-h above 800, O3 8-h above 800) are
   * rejected here; {@link #hourly} and {@link #daily} apply those rules.
   *
   * @throws IllegalArgumentException for an unknown input, a negative or NaN concentration, or a
   *     value only the combined rule can score
   */
  public int iaqi(LocalDate date, String input, double concentration) {
    AqiScheme scheme = catalog.aqiScheme(date);
    Integer score = score(scheme, input, concentration, Map.of());
    if (score == null) {
      throw new IllegalArgumentException(input + " = " + concentration + " is scored under " + scheme.standard()
          + " by another pollutant's IAQI (" + (input.startsWith("SO2") ? "SO2 24-h mean" : "O3 1-h")
          + "); use hourly() or daily()");
    }
    return score;
  }

  /** The IAQI, or null when the value must be scored from another input that is absent. */
  private Integer score(AqiScheme scheme, String input, double concentration, Map<String, Double> others) {
    List<BigDecimal> bps = scheme.breakpoints().get(input);
    if (bps == null) {
      throw new IllegalArgumentException("unknown AQI input '" + input + "' under " + scheme.standard()
          + "; known: " + scheme.breakpoints().keySet());
    }
    BigDecimal c = concentration(scheme, input, concentration);
    if (input.equals("SO2_1H") && c.compareTo(EIGHT_HUNDRED) > 0) {
      if (scheme.so2HourAbove800().equals("FIXED_200")) {
        return 200;
      }
      Double daily = present(others, SO2_24H);
      return daily == null ? null : score(scheme, SO2_24H, daily, Map.of());
    }
    if (input.equals("O3_8H") && c.compareTo(EIGHT_HUNDRED) > 0) {
      if (scheme.o3EightHourAbove800().equals("FIXED_300")) {
        return 300;
      }
      Double oneHour = present(others, "O3");
      return oneHour == null ? null : score(scheme, "O3_1H", oneHour, Map.of());
    }
    return interpolate(scheme.iaqiLevels(), bps, c);
  }

  private static BigDecimal concentration(AqiScheme scheme, String input, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      throw new IllegalArgumentException(input + " concentration must be a non-negative number, got " + value);
    }
    // valueOf uses the shortest decimal that round-trips, so 75.0 is exactly 75.
    BigDecimal c = BigDecimal.valueOf(value);
    Integer decimals = scheme.preRoundDecimals().get(pollutantOf(input));
    return decimals == null ? c : c.setScale(decimals, RoundingMode.HALF_EVEN);
  }

  private static int interpolate(List<Integer> levels, List<BigDecimal> bps, BigDecimal c) {
    int top = bps.size() - 1;
    if (c.compareTo(bps.get(top)) >= 0) {
      return levels.get(top);
    }
    int i = 0;
    while (c.compareTo(bps.get(i + 1)) > 0) {
      i++;
    }
    BigDecimal lo = bps.get(i);
    BigDecimal span = bps.get(i + 1).subtract(lo);
    BigDecimal rise = BigDecimal.valueOf(levels.get(i + 1) - levels.get(i));
    BigDecimal above = rise.multiply(c.subtract(lo)).divide(span, 0, RoundingMode.CEILING);
    return levels.get(i) + above.intValueExact();
  }

  private AqiResult result(AqiScheme scheme, Map<String, Integer> iaqi, List<String> missing) {
    Integer aqi = iaqi.values().stream().max(Integer::compare).orElse(null);
    if (aqi != null && !missing.isEmpty() && scheme.missingPublishAbove() != null
        && aqi <= scheme.missingPublishAbove()) {
      aqi = null;
    }
    if (aqi == null) {
      return new AqiResult(null, null, null, null, List.of(), iaqi, missing, scheme.standard());
    }
    List<String> primary = new ArrayList<>();
    if (aqi > 50) {
      for (Map.Entry<String, Integer> e : iaqi.entrySet()) {
        if (e.getValue().equals(aqi)) {
          primary.add(e.getKey());
        }
      }
    }
    AqiCategory cat = category(aqi);
    return new AqiResult(aqi, cat.level(), cat.category(), cat.colour(), primary, iaqi, missing,
        scheme.standard());
  }

  /**
   * Exceeding pollutants (超标污染物): under HJ 633-2012 the inputs with IAQI above 100; HJ 633-2026
   * deleted the concept, so the list is empty for dates from 2026-03-01.
   */
  public List<String> exceedingPollutants(LocalDate date, AqiResult result) {
    Integer above = catalog.aqiScheme(date).exceedingPollutantAbove();
    if (above == null) {
      return List.of();
    }
    return result.iaqi().entrySet().stream().filter(e -> e.getValue() > above).map(Map.Entry::getKey).toList();
  }

  /** The band an AQI falls in. */
  public AqiCategory category(int aqi) {
    for (AqiCategory c : catalog.categories()) {
      if (aqi <= c.maxAqi()) {
        return c;
      }
    }
    List<AqiCategory> all = catalog.categories();
    return all.get(all.size() - 1);
  }

  /**
   * Rejects keys that are neither AQI inputs nor known parameter codes (typos such as PM25);
   * other parameters (NOX, TSP, ...) are not AQI pollutants and are ignored.
   */
  private static void checkKeys(Map<String, Double> values, Set<String> allowed, String period) {
    for (String k : values.keySet()) {
      if (!allowed.contains(k) && !isParameterCode(k)) {
        throw new IllegalArgumentException("unknown " + period + " AQI input '" + k + "'; use "
            + allowed.stream().sorted().toList());
      }
    }
  }

  private static boolean isParameterCode(String key) {
    return Parameter.fromCode(key).map(p -> p.code().equals(key)).orElse(false);
  }

  private static Double present(Map<String, Double> values, String key) {
    Double v = values.get(key);
    return v == null || v.isNaN() ? null : v;
  }

  /** SO2_1H -> SO2, PM2_5_24H -> PM2_5, O3_1H -> O3, O3_8H stays O3_8H (a separate daily input). */
  private static String keyOf(String input) {
    return input.endsWith("_8H") ? input : pollutantOf(input);
  }

  /** The pollutant of a breakpoint column: SO2_24H, SO2_1H -> SO2; O3_8H -> O3. */
  static String pollutantOf(String input) {
    // called for every input of every AQI; a regex here was a measurable share of the streams' CPU
    for (String suffix : COLUMN_SUFFIXES) {
      if (input.endsWith(suffix)) {
        return input.substring(0, input.length() - suffix.length());
      }
    }
    return input;
  }
}
