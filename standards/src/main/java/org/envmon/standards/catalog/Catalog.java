package org.envmon.standards.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.standards.Statistic;

/**
 * The effective-dated catalog of limits, validity rules, AQI schemes, plan targets and warning
 * rules. Immutable and validated on construction; safe to share between threads.
 */
public final class Catalog {
  static final String BUILT_IN_RESOURCE = "/envmon/catalog/builtin.yaml";
  private static final String BUILT_IN_ORIGIN = "built-in catalog " + BUILT_IN_RESOURCE;

  private static volatile Catalog builtIn;

  private final CatalogContent content;
  /** Every rule ordered by id. */
  private final List<Rule> rulesById;
  /** The rules of each parameter (upper case) ordered by id: the streams ask once per value. */
  private final Map<String, List<Rule>> rulesByParameter;
  /** The statistics each parameter (upper case) has rules for, at any date. */
  private final Map<String, Set<Statistic>> statisticsByParameter;

  private Catalog(CatalogContent content, String origin) {
    CatalogValidator.validate(content, origin);
    this.content = content;
    this.rulesById = content.rules().stream().sorted(Comparator.comparing(Rule::id)).toList();
    this.rulesByParameter = rulesById.stream().filter(r -> r.parameter() != null)
        .collect(Collectors.groupingBy(r -> r.parameter().toUpperCase(Locale.ROOT), Collectors.toUnmodifiableList()));
    this.statisticsByParameter = rulesByParameter.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        Map.Entry::getKey, e -> EnumSet.copyOf(e.getValue().stream().map(Rule::statistic).toList())));
  }

  /** The catalog shipped in the jar (loaded once). */
  public static Catalog builtIn() {
    Catalog c = builtIn;
    if (c == null) {
      synchronized (Catalog.class) {
        c = builtIn;
        if (c == null) {
          c = new Catalog(builtInContent(), BUILT_IN_ORIGIN);
          builtIn = c;
        }
      }
    }
    return c;
  }

  /**
   * Loads an operator catalog file. With {@code replace} the file is the whole catalog;
   * otherwise it is added to the built-in one, and an entry whose id matches a built-in entry
   * marked unconfirmed (or a plan target with the same scope/target/year) replaces it.
   *
   * @throws CatalogException naming the file and every invalid rule
   */
  public static Catalog load(Path file, boolean replace) {
    CatalogContent extra;
    try {
      extra = CatalogParser.parse(Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      throw new CatalogException("cannot read catalog file " + file + ": " + e.getMessage()
          + " (check the path given to --catalog)", e);
    }
    return replace ? new Catalog(extra, file.toString())
        : new Catalog(builtInContent().mergedWith(extra), BUILT_IN_ORIGIN + " + " + file);
  }

  private static CatalogContent builtInContent() {
    InputStream in = Catalog.class.getResourceAsStream(BUILT_IN_RESOURCE);
    if (in == null) {
      throw new CatalogException(BUILT_IN_ORIGIN + " is missing from the classpath; the standards jar is broken");
    }
    try {
      return CatalogParser.parse(in, BUILT_IN_ORIGIN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether any rule, at any date and for any station, judges {@code statistic} of
   * {@code parameter}. When not, {@link #applicable} finds no rule for any query of the two, and a
   * caller can skip building one: most values the streams see have no rule at all (the rolling
   * means, the hourly PM means). A null argument is a wildcard, as in {@link RuleQuery}.
   */
  public boolean judges(String parameter, Statistic statistic) {
    if (parameter == null) {
      return true;
    }
    Set<Statistic> statistics = statisticsByParameter.get(parameter.toUpperCase(Locale.ROOT));
    return statistics != null && (statistic == null || statistics.contains(statistic));
  }

  /** Rules in force on the query's date that match it, ordered by id. */
  public List<Rule> applicable(RuleQuery q) {
    List<Rule> candidates = q.parameter() == null ? rulesById
        : rulesByParameter.getOrDefault(q.parameter().toUpperCase(Locale.ROOT), List.of());
    return candidates.stream().filter(q::matches).toList();
  }

  /** Every rule. */
  public List<Rule> all() {
    return content.rules();
  }

  public Optional<Rule> byId(String id) {
    return content.rules().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * The plan goal for a scope ("city", a district such as "东城", "jingjinji") and year; a
   * district without its own entry falls back to an "each-district" entry.
   */
  public Optional<PlanTarget> planTarget(String scope, String target, int year) {
    Optional<PlanTarget> own = find(scope, target, year);
    return own.isPresent() || "city".equals(scope) ? own : find("each-district", target, year);
  }

  private Optional<PlanTarget> find(String scope, String target, int year) {
    return content.planTargets().stream()
        .filter(p -> p.scope().equals(scope) && p.target().equals(target) && p.year() == year)
        .findFirst();
  }

  public List<PlanTarget> planTargets() {
    return content.planTargets();
  }

  /** The data-capture rule for a statistic. */
  public ValidityRule validity(Statistic statistic) {
    return content.validity().stream().filter(v -> v.statistic() == statistic).findFirst()
        .orElseThrow(() -> new CatalogException("the catalog has no validity rule for " + statistic
            + "; add one under 'validity'"));
  }

  /** The HJ 633 edition in force on {@code date}. */
  public AqiScheme aqiScheme(LocalDate date) {
    return content.aqiSchemes().stream().filter(s -> s.inForce(date)).findFirst()
        .orElseThrow(() -> new CatalogException("no AQI scheme in force on " + date
            + "; the catalog's 'aqi' entries do not cover that date"));
  }

  /** The AQI categories, lowest band first. */
  public List<AqiCategory> categories() {
    return content.categories();
  }

  /** Warning rules in force on {@code date}. */
  public List<WarningRule> warnings(LocalDate date) {
    return content.warnings().stream().filter(w -> w.inForce(date)).toList();
  }

  /** Free-form settings, e.g. {@code percentileMethod}. */
  public Map<String, String> settings() {
    return Map.copyOf(content.settings());
  }
}
