package org.envmon.standards.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envmon.standards.Parameter;

/**
 * Checks a catalog before it is used: every problem is collected and reported together, each
 * naming the rule it concerns.
 */
final class CatalogValidator {
  private static final Set<String> MEDIA = Set.of("AIR", "WATER", "NOISE", "VOC");
  private static final Set<String> SO2_RULES = Set.of("USE_SO2_24H", "FIXED_200");
  private static final Set<String> O3_RULES = Set.of("USE_O3_1H", "FIXED_300");

  private final List<String> problems = new ArrayList<>();

  static void validate(CatalogContent c, String origin) {
    CatalogValidator v = new CatalogValidator();
    v.rules(c.rules());
    v.aqi(c.aqiSchemes());
    v.warnings(c.warnings());
    v.categories(c.categories());
    if (!v.problems.isEmpty()) {
      throw new CatalogException("catalog " + origin + " is invalid (" + v.problems.size() + " problem(s)):\n  - "
          + String.join("\n  - ", v.problems));
    }
  }

  private void rules(List<Rule> rules) {
    Map<String, List<Rule>> byId = new HashMap<>();
    Map<String, List<Rule>> byKey = new HashMap<>();
    for (Rule r : rules) {
      if (Parameter.fromCode(r.parameter()).isEmpty()) {
        problems.add("rule " + r.id() + ": unknown parameter '" + r.parameter() + "' (known: "
            + List.of(Parameter.values()) + ")");
      }
      if (!MEDIA.contains(r.medium())) {
        problems.add("rule " + r.id() + ": unknown medium '" + r.medium() + "' (one of " + MEDIA + ")");
      }
      checkInterval(r.id(), r.validFrom(), r.validTo());
      byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
      byKey.computeIfAbsent(applicabilityKey(r), k -> new ArrayList<>()).add(r);
    }
    byId.forEach((id, same) -> overlaps(same, "the same id"));
    byKey.forEach((key, same) -> overlaps(same, "the same applicability (" + key + ")"));
  }

  private static String applicabilityKey(Rule r) {
    return String.join("|", r.jurisdiction(), r.medium(), r.parameter(), r.statistic().name(),
        r.comparison().name(), String.valueOf(r.applicability()));
  }

  private void overlaps(List<Rule> same, String what) {
    for (int i = 0; i < same.size(); i++) {
      for (int j = i + 1; j < same.size(); j++) {
        Rule a = same.get(i);
        Rule b = same.get(j);
        if (overlap(a.validFrom(), a.validTo(), b.validFrom(), b.validTo())) {
          problems.add("rule " + a.id() + " [" + a.validFrom() + ".." + open(a.validTo()) + "] overlaps rule "
              + b.id() + " [" + b.validFrom() + ".." + open(b.validTo()) + "] with " + what
              + "; end one before the other starts, or mark the built-in rule replaceable");
        }
      }
    }
  }

  private static boolean overlap(LocalDate f1, LocalDate t1, LocalDate f2, LocalDate t2) {
    return (t2 == null || !f1.isAfter(t2)) && (t1 == null || !f2.isAfter(t1));
  }

  private static String open(LocalDate d) {
    return d == null ? "open" : d.toString();
  }

  private void checkInterval(String id, LocalDate from, LocalDate to) {
    if (to != null && to.isBefore(from)) {
      problems.add("rule " + id + ": validTo " + to + " is before validFrom " + from);
    }
  }

  private void aqi(List<AqiScheme> schemes) {
    for (AqiScheme s : schemes) {
      checkInterval(s.id(), s.validFrom(), s.validTo());
      strictlyIncreasing(s.id() + " IAQI levels", s.iaqiLevels().stream().map(BigDecimal::valueOf).toList());
      s.breakpoints().forEach((input, bps) -> {
        strictlyIncreasing(s.id() + " input " + input, bps);
        if (bps.size() > s.iaqiLevels().size()) {
          problems.add("rule " + s.id() + " input " + input + ": " + bps.size() + " breakpoints but only "
              + s.iaqiLevels().size() + " IAQI levels");
        }
      });
      for (String input : concat(s.dailyInputs(), s.hourlyInputs())) {
        if (!s.breakpoints().containsKey(input)) {
          problems.add("rule " + s.id() + ": input " + input + " has no breakpoints");
        }
      }
      if (!SO2_RULES.contains(s.so2HourAbove800())) {
        problems.add("rule " + s.id() + ": so2HourAbove800 must be one of " + SO2_RULES);
      }
      if (!O3_RULES.contains(s.o3EightHourAbove800())) {
        problems.add("rule " + s.id() + ": o3EightHourAbove800 must be one of " + O3_RULES);
      }
    }
    for (int i = 0; i < schemes.size(); i++) {
      for (int j = i + 1; j < schemes.size(); j++) {
        AqiScheme a = schemes.get(i);
        AqiScheme b = schemes.get(j);
        if (overlap(a.validFrom(), a.validTo(), b.validFrom(), b.validTo())) {
          problems.add("rule " + a.id() + " overlaps rule " + b.id() + ": two AQI schemes in force on the same day");
        }
      }
    }
  }

  private void strictlyIncreasing(String what, List<BigDecimal> values) {
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
        problems.add("rule " + what + ": breakpoints not strictly increasing at position " + i + " ("
            + values.get(i - 1) + " then " + values.get(i) + ")");
        return;
      }
    }
  }

  private void warnings(List<WarningRule> warnings) {
    for (WarningRule w : warnings) {
      checkInterval(w.id(), w.validFrom(), w.validTo());
    }
    Map<String, List<WarningRule>> byId = new HashMap<>();
    warnings.forEach(w -> byId.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(w));
    byId.forEach((id, same) -> {
      if (same.size() > 1) {
        problems.add("warning rule " + id + " is defined " + same.size() + " times");
      }
    });
  }

  private void categories(List<AqiCategory> categories) {
    for (int i = 1; i < categories.size(); i++) {
      if (categories.get(i).maxAqi() <= categories.get(i - 1).maxAqi()) {
        problems.add("category " + categories.get(i).category() + ": maxAqi must increase");
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
