package org.envmon.ingest.hj212;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.envmon.standards.Parameter;

/**
 * Which envmon parameter, in which unit, an HJ 212 parameter code carries; and which codes are
 * deliberately not stored. Immutable.
 */
public final class Hj212CodeTable {
  /** The envmon parameter and the unit the logger sends it in. */
  public record Target(Parameter parameter, String unit) {
    public Target {
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(unit, "unit");
    }
  }

  private final Map<String, Target> targets;
  private final Set<String> ignored;

  public Hj212CodeTable(Map<String, Target> targets, Set<String> ignored) {
    Set<String> both = new HashSet<>(targets.keySet());
    both.retainAll(ignored);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("codes " + both + " are both mapped and ignored; keep one");
    }
    this.targets = Map.copyOf(targets);
    this.ignored = Set.copyOf(ignored);
  }

  public static Hj212CodeTable empty() {
    return new Hj212CodeTable(Map.of(), Set.of());
  }

  public Optional<Target> target(String code) {
    return Optional.ofNullable(targets.get(code));
  }

  /**
   * The code a logger sends {@code parameter} under: the HJ 212-2017 style code (a letter and
   * five digits) where the table has one, else the first mapped code in order.
   */
  public Optional<String> codeOf(Parameter parameter) {
    return targets.entrySet().stream()
        .filter(e -> e.getValue().parameter() == parameter)
        .map(Map.Entry::getKey)
        .sorted(Comparator.comparing((String code) -> !code.matches("[a-z]\\d{5}")).thenComparing(c -> c))
        .findFirst();
  }

  public boolean ignores(String code) {
    return ignored.contains(code);
  }

  /** This table with {@code overrides} taking precedence code by code. */
  public Hj212CodeTable overriddenBy(Hj212CodeTable overrides) {
    Map<String, Target> t = new HashMap<>(targets);
    Set<String> i = new HashSet<>(ignored);
    t.keySet().removeAll(overrides.ignored);
    i.removeAll(overrides.targets.keySet());
    t.putAll(overrides.targets);
    i.addAll(overrides.ignored);
    return new Hj212CodeTable(t, i);
  }
}
