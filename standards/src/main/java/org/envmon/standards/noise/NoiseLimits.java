package org.envmon.standards.noise;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.Rule;
import org.envmon.standards.catalog.RuleQuery;

/** GB 3096-2008 zone limits, looked up in the catalog. */
public final class NoiseLimits {
  /** The zone classes of GB 3096-2008. */
  public static final List<String> ZONES = List.of("0", "1", "2", "3", "4a", "4b");

  private final Catalog catalog;

  public NoiseLimits(Catalog catalog) {
    this.catalog = catalog;
  }

  public static NoiseLimits builtIn() {
    return new NoiseLimits(Catalog.builtIn());
  }

  /** The Leq limit of {@code zone} for a day or night period of {@code date}. */
  public Optional<Rule> leqLimit(LocalDate date, String zone, NoisePeriod period) {
    return one(date, zone, Parameter.LEQ, period.leqStatistic());
  }

  /** The night Lmax limit (night limit + 15 dB(A)) of {@code zone}. */
  public Optional<Rule> lmaxNightLimit(LocalDate date, String zone) {
    return one(date, zone, Parameter.LMAX, Statistic.LMAX_NIGHT);
  }

  /** Normalises a zone ("4A" -> "4a") or explains the valid ones. */
  public static String zone(String zone) {
    String z = zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
    if (!ZONES.contains(z)) {
      throw new IllegalArgumentException("unknown GB 3096 zone class '" + zone + "'; use one of " + ZONES);
    }
    return z;
  }

  private Optional<Rule> one(LocalDate date, String zone, Parameter p, Statistic s) {
    return catalog.applicable(RuleQuery.of("NOISE", p.code(), s, date).withNoiseZone(zone(zone)))
        .stream().filter(r -> r.applicability().noiseZone() != null).findFirst();
  }
}
