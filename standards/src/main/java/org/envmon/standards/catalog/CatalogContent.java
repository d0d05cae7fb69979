package org.envmon.standards.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The parsed, not yet validated content of one catalog file, or of several merged. */
record CatalogContent(List<Rule> rules, List<ValidityRule> validity, List<AqiScheme> aqiSchemes,
    List<AqiCategory> categories, List<PlanTarget> planTargets, List<WarningRule> warnings,
    Map<String, String> settings) {

  /**
   * Adds an operator file to this content. An entry with the id of an existing one replaces it
   * only if the existing one is marked unconfirmed (that is what "configurable" means); any
   * other id clash is left for the validator to report.
   */
  CatalogContent mergedWith(CatalogContent extra) {
    List<AqiCategory> mergedCategories = extra.categories.isEmpty() ? categories : extra.categories;
    Map<String, String> mergedSettings = new LinkedHashMap<>(settings);
    mergedSettings.putAll(extra.settings);
    return new CatalogContent(
        merge(rules, extra.rules, Rule::id, Rule::unconfirmed),
        merge(validity, extra.validity, ValidityRule::id, v -> false),
        merge(aqiSchemes, extra.aqiSchemes, AqiScheme::id, a -> false),
        mergedCategories,
        merge(planTargets, extra.planTargets, CatalogContent::planKey, p -> true),
        merge(warnings, extra.warnings, WarningRule::id, WarningRule::unconfirmed),
        mergedSettings);
  }

  static String planKey(PlanTarget p) {
    return p.scope() + "/" + p.target() + "/" + p.year();
  }

  private static <T> List<T> merge(List<T> base, List<T> extra, Function<T, String> id,
      Predicate<T> replaceable) {
    List<T> out = new ArrayList<>(base);
    for (T e : extra) {
      String key = id.apply(e);
      boolean replaced = false;
      for (int i = 0; i < out.size() && !replaced; i++) {
        if (id.apply(out.get(i)).equals(key) && replaceable.test(out.get(i))) {
          out.set(i, e);
          replaced = true;
        }
      }
      if (!replaced) {
        out.add(e);
      }
    }
    return out;
  }
}
