package org.envmon.standards.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envmon.standards.Statistic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads one catalog YAML document into {@link CatalogContent}; errors name the file and entry. */
final class CatalogParser {
  private final String origin;

  private CatalogParser(String origin) {
    this.origin = origin;
  }

  static CatalogContent parse(InputStream in, String origin) throws IOException {
    Object doc;
    try (in) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (YAMLException e) {
      throw new CatalogException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    if (doc == null) {
      doc = Map.of();
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new CatalogException(origin + ": the top level must be a mapping with keys such as "
          + "rules, tables, validity, aqi, categories, planTargets, warnings, settings");
    }
    return new CatalogParser(origin).content(root);
  }

  private CatalogContent content(Map<?, ?> root) {
    List<Rule> rules = new ArrayList<>();
    for (Map<?, ?> t : maps(root, "tables", "tables")) {
      rules.addAll(table(t));
    }
    for (Map<?, ?> r : maps(root, "rules", "rules")) {
      rules.add(rule(r));
    }
    List<ValidityRule> validity = new ArrayList<>();
    for (Map<?, ?> v : maps(root, "validity", "validity")) {
      String where = "validity rule " + v.get("id");
      validity.add(new ValidityRule(str(v, "id", where), str(v, "source", where),
          statistic(v, where), integer(v, "required", where, null),
          integer(v, "perMonth", where, 0), integer(v, "february", where, 0)));
    }
    List<AqiScheme> schemes = new ArrayList<>();
    for (Map<?, ?> a : maps(root, "aqi", "aqi")) {
      schemes.add(aqi(a));
    }
    List<AqiCategory> categories = new ArrayList<>();
    for (Map<?, ?> c : maps(root, "categories", "categories")) {
      String where = "category " + c.get("category");
      categories.add(new AqiCategory(integer(c, "maxAqi", where, null), integer(c, "level", where, null),
          str(c, "category", where), str(c, "colour", where)));
    }
    List<PlanTarget> targets = new ArrayList<>();
    for (Map<?, ?> p : maps(root, "planTargets", "planTargets")) {
      String where = "plan target " + p.get("scope") + "/" + p.get("target") + "/" + p.get("year");
      targets.add(new PlanTarget(str(p, "scope", where), str(p, "target", where),
          integer(p, "year", where, null), number(p, "value", where).doubleValue(), optStr(p, "unit"),
          comparison(p, where), str(p, "source", where), optStr(p, "note")));
    }
    List<WarningRule> warnings = new ArrayList<>();
    for (Map<?, ?> w : maps(root, "warnings", "warnings")) {
      String where = "warning rule " + w.get("id");
      warnings.add(new WarningRule(str(w, "id", where), str(w, "level", where), str(w, "source", where),
          date(w, "validFrom", where, true), date(w, "validTo", where, false),
          integer(w, "minDaysAbove150", where, 0), integer(w, "minDaysAbove200", where, 0),
          integer(w, "minDaysAbove300", where, 0), integer(w, "minDaysAt500", where, 0),
          bool(w, "unconfirmed")));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Object s = root.get("settings");
    if (s instanceof Map<?, ?> sm) {
      sm.forEach((k, v) -> settings.put(String.valueOf(k), String.valueOf(v)));
    } else if (s != null) {
      throw new CatalogException(origin + ": settings must be a mapping");
    }
    return new CatalogContent(rules, validity, schemes, categories, targets, warnings, settings);
  }

  private List<Rule> table(Map<?, ?> t) {
    String prefix = str(t, "idPrefix", "a table without idPrefix");
    String where = "table " + prefix + " (" + t.get("source") + ")";
    String source = str(t, "source", where);
    String jurisdiction = str(t, "jurisdiction", where);
    String medium = str(t, "medium", where);
    LocalDate from = date(t, "validFrom", where, true);
    LocalDate to = date(t, "validTo", where, false);
    Comparison comparison = comparison(t, where);
    Map<?, ?> fixed = t.get("applicability") instanceof Map<?, ?> m ? m : Map.of();
    String column = str(t, "column", where);
    List<?> columns = list(t, "columns", where);
    List<Rule> out = new ArrayList<>();
    Object rows = t.get("rows");
    if (!(rows instanceof Map<?, ?> rowMap)) {
      throw new CatalogException(origin + ": " + where + ": rows must map PARAMETER.STATISTIC to limits");
    }
    for (Map.Entry<?, ?> row : rowMap.entrySet()) {
      String key = String.valueOf(row.getKey());
      String[] parts = key.split("\\.");
      if (parts.length < 2 || !(row.getValue() instanceof List<?> limits) || limits.size() != columns.size()) {
        throw new CatalogException(origin + ": " + where + ": row " + key + " must be PARAMETER.STATISTIC"
            + " with one limit per column " + columns);
      }
      for (int i = 0; i < columns.size(); i++) {
        String col = String.valueOf(columns.get(i));
        String id = prefix + "." + key + "." + col;
        Map<Object, Object> app = new LinkedHashMap<>(fixed);
        app.put(column, col);
        out.add(new Rule(id, source, jurisdiction, medium, parts[0],
            statisticNamed(parts[1], "rule " + id), toNumber(limits.get(i), "rule " + id, "limit").doubleValue(),
            comparison, applicability(app, "rule " + id), from, to, bool(t, "unconfirmed"),
            optStr(t, "note"), bool(t, "screening")));
      }
    }
    return out;
  }

  private Rule rule(Map<?, ?> r) {
    String id = str(r, "id", "a rule without id");
    String where = "rule " + id;
    Map<?, ?> app = r.get("applicability") instanceof Map<?, ?> m ? m : Map.of();
    return new Rule(id, str(r, "source", where), str(r, "jurisdiction", where), str(r, "medium", where),
        str(r, "parameter", where), statistic(r, where), number(r, "limit", where).doubleValue(),
        comparison(r, where), applicability(app, where), date(r, "validFrom", where, true),
        date(r, "validTo", where, false), bool(r, "unconfirmed"), optStr(r, "note"), bool(r, "screening"));
  }

  private AqiScheme aqi(Map<?, ?> a) {
    String id = str(a, "id", "an aqi scheme without id");
    String where = "AQI scheme " + id;
    List<Integer> levels = new ArrayList<>();
    for (Object o : list(a, "iaqi", where)) {
      levels.add(toNumber(o, where, "iaqi").intValue());
    }
    Map<String, List<BigDecimal>> bps = new LinkedHashMap<>();
    if (!(a.get("breakpoints") instanceof Map<?, ?> bpMap)) {
      throw new CatalogException(origin + ": " + where + ": breakpoints must map an input to concentrations");
    }
    for (Map.Entry<?, ?> e : bpMap.entrySet()) {
      String input = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof List<?> values)) {
        throw new CatalogException(origin + ": " + where + ": breakpoints of " + input + " must be a list");
      }
      List<BigDecimal> concentrations = new ArrayList<>();
      for (Object o : values) {
        concentrations.add(toNumber(o, where + " input " + input, "breakpoint"));
      }
      bps.put(input, concentrations);
    }
    Map<String, Integer> preRound = new LinkedHashMap<>();
    if (a.get("preRoundDecimals") instanceof Map<?, ?> pr) {
      pr.forEach((k, v) -> preRound.put(String.valueOf(k), toNumber(v, where, "preRoundDecimals").intValue()));
    }
    Object publish = a.get("missingPublishAbove");
    Object exceeding = a.get("exceedingPollutantAbove");
    return new AqiScheme(id, str(a, "standard", where), str(a, "source", where),
        date(a, "validFrom", where, true), date(a, "validTo", where, false), levels, bps,
        str(a, "so2HourAbove800", where), str(a, "o3EightHourAbove800", where), preRound,
        strings(a, "dailyInputs", where), strings(a, "hourlyInputs", where),
        publish == null ? null : toNumber(publish, where, "missingPublishAbove").intValue(),
        exceeding == null ? null : toNumber(exceeding, where, "exceedingPollutantAbove").intValue());
  }

  private Applicability applicability(Map<?, ?> m, String where) {
    for (Object k : m.keySet()) {
      if (!List.of("airGrade", "noiseZone", "waterClass", "waterBodyType", "vocComparator", "stations",
          "districts").contains(String.valueOf(k))) {
        throw new CatalogException(origin + ": " + where + ": unknown applicability key '" + k
            + "' (use airGrade, noiseZone, waterClass, waterBodyType, vocComparator, stations, districts)");
      }
    }
    return new Applicability(optStr(m, "airGrade"), optStr(m, "noiseZone"), optStr(m, "waterClass"),
        optStr(m, "waterBodyType"), optStr(m, "vocComparator"), optStrings(m, "stations"),
        optStrings(m, "districts"));
  }

  private List<Map<?, ?>> maps(Map<?, ?> root, String key, String where) {
    Object v = root.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new CatalogException(origin + ": " + where + " must be a list");
    }
    List<Map<?, ?>> out = new ArrayList<>();
    for (Object o : l) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new CatalogException(origin + ": every entry of " + where + " must be a mapping, got: " + o);
      }
      out.add(m);
    }
    return out;
  }

  private List<?> list(Map<?, ?> m, String key, String where) {
    if (!(m.get(key) instanceof List<?> l) || l.isEmpty()) {
      throw new CatalogException(origin + ": " + where + ": '" + key + "' must be a non-empty list");
    }
    return l;
  }

  private List<String> strings(Map<?, ?> m, String key, String where) {
    return list(m, key, where).stream().map(String::valueOf).toList();
  }

  private static List<String> optStrings(Map<?, ?> m, String key) {
    return m.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private String str(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new CatalogException(origin + ": " + where + ": '" + key + "' is required");
    }
    return String.valueOf(v);
  }

  private static String optStr(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static boolean bool(Map<?, ?> m, String key) {
    return Boolean.parseBoolean(String.valueOf(m.get(key)));
  }

  private int integer(Map<?, ?> m, String key, String where, Integer dflt) {
    Object v = m.get(key);
    if (v == null) {
      if (dflt == null) {
        throw new CatalogException(origin + ": " + where + ": '" + key + "' is required");
      }
      return dflt;
    }
    return toNumber(v, where, key).intValueExact();
  }

  private BigDecimal number(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      throw new CatalogException(origin + ": " + where + ": '" + key + "' is required");
    }
    return toNumber(v, where, key);
  }

  private BigDecimal toNumber(Object v, String where, String what) {
    try {
      return new BigDecimal(String.valueOf(v).strip());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CatalogException(origin + ": " + where + ": " + what + " '" + v + "' is not a number", e);
    }
  }

  private LocalDate date(Map<?, ?> m, String key, String where, boolean required) {
    Object v = m.get(key);
    if (v == null) {
      if (required) {
        throw new CatalogException(origin + ": " + where + ": '" + key + "' (YYYY-MM-DD) is required");
      }
      return null;
    }
    if (v instanceof Date d) {
      // SnakeYAML reads unquoted YYYY-MM-DD as a UTC midnight timestamp.
      return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(v));
    } catch (DateTimeParseException e) {
      throw new CatalogException(origin + ": " + where + ": '" + key + "' must be YYYY-MM-DD, got " + v, e);
    }
  }

  private Statistic statistic(Map<?, ?> m, String where) {
    return statisticNamed(str(m, "statistic", where), where);
  }

  private Statistic statisticNamed(String name, String where) {
    try {
      return Statistic.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(origin + ": " + where + ": unknown statistic '" + name + "' (one of "
          + List.of(Statistic.values()) + ")", e);
    }
  }

  private Comparison comparison(Map<?, ?> m, String where) {
    String c = str(m, "comparison", where);
    try {
      return Comparison.valueOf(c.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(origin + ": " + where + ": comparison must be ABOVE or BELOW, got " + c, e);
    }
  }
}
