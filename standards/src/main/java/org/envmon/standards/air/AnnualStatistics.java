package org.envmon.standards.air;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.envmon.standards.StandardVersion;
import org.envmon.standards.Statistic;
import org.envmon.standards.StatisticResult;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.ValidityRule;

/**
 * Annual evaluation statistics (GB 3095 Table 4, HJ 663): the annual mean of daily means with
 * its capture rule, and percentiles of daily values.
 */
public final class AnnualStatistics {
  private final Catalog catalog;
  private final Percentile percentile;

  public AnnualStatistics(Catalog catalog) {
    this.catalog = catalog;
    this.percentile = Percentile.fromCatalog(catalog);
  }

  public static AnnualStatistics builtIn() {
    return new AnnualStatistics(Catalog.builtIn());
  }

  /**
   * Annual mean of the valid daily means of {@code year} (days of other years are rejected).
   * Valid with at least 324 daily means, and at least 27 in every month (25 in February).
   */
  public StatisticResult annualMean(int year, Map<LocalDate, Double> dailyMeans) {
    ValidityRule rule = catalog.validity(Statistic.ANNUAL_MEAN);
    Map<Month, Integer> perMonth = new EnumMap<>(Month.class);
    double total = 0;
    int count = 0;
    for (Map.Entry<LocalDate, Double> e : dailyMeans.entrySet()) {
      if (e.getKey().getYear() != year) {
        throw new IllegalArgumentException("daily mean of " + e.getKey() + " is not in year " + year);
      }
      if (e.getValue() != null && !e.getValue().isNaN()) {
        total += e.getValue();
        count++;
        perMonth.merge(e.getKey().getMonth(), 1, Integer::sum);
      }
    }
    boolean monthsOk = true;
    for (Month m : Month.values()) {
      int need = m == Month.FEBRUARY ? rule.february() : rule.perMonth();
      monthsOk &= perMonth.getOrDefault(m, 0) >= need;
    }
    // The edition in force at the end of the year judges the year.
    String standard = StandardVersion.on(LocalDate.of(year, 12, 31)).airQuality();
    if (count == 0) {
      return new StatisticResult(null, 0, rule.required(), false, standard);
    }
    return new StatisticResult(total / count, count, rule.required(), count >= rule.required() && monthsOk,
        standard);
  }

  /**
   * The {@code p}-th percentile of the valid values (e.g. P98 of SO2 daily means, P90 of MDA8),
   * by the catalog's percentile method. Validity is not judged here.
   */
  public double percentile(double[] values, double p) {
    List<Double> valid = new ArrayList<>();
    for (double v : values) {
      if (!Double.isNaN(v)) {
        valid.add(v);
      }
    }
    return percentile.of(valid.stream().mapToDouble(Double::doubleValue).toArray(), p);
  }
}
