package org.envmon.standards.air;

import java.util.Arrays;
import java.util.Locale;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.CatalogException;

/**
 * Percentile methods. HJ 663 as read in the reference (wording UNCONFIRMED, so the method is the
 * catalog setting {@code percentileMethod}): sort ascending, k = 1 + (n-1) p/100, interpolate
 * linearly between the order statistics around k.
 */
public enum Percentile {
  /** k = 1 + (n-1) p/100 with linear interpolation (HJ 663 as read). */
  HJ663_LINEAR,
  /** Nearest rank: the value at rank ceil(n p/100) (at least 1). */
  NEAREST_RANK;

  /** The method named by the catalog setting {@code percentileMethod} (default HJ663_LINEAR). */
  public static Percentile fromCatalog(Catalog catalog) {
    String name = catalog.settings().getOrDefault("percentileMethod", HJ663_LINEAR.name());
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CatalogException("settings.percentileMethod '" + name + "' is unknown; use one of "
          + Arrays.toString(values()), e);
    }
  }

  /** The {@code p}-th percentile (0..100) of {@code values} (not modified). */
  public double of(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("percentile of no values");
    }
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be 0..100, got " + p);
    }
    double[] x = values.clone();
    Arrays.sort(x);
    int n = x.length;
    if (this == NEAREST_RANK) {
      int rank = Math.max(1, (int) Math.ceil(n * p / 100.0));
      return x[rank - 1];
    }
    double k = 1 + (n - 1) * p / 100.0;
    int s = (int) Math.floor(k);
    if (s >= n) {
      return x[n - 1];
    }
    return x[s - 1] + (k - s) * (x[s] - x[s - 1]);
  }
}
