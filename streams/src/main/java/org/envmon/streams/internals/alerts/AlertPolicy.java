package org.envmon.streams.internals.alerts;

import java.util.Map;
import java.util.Objects;

/**
 * envmon's alerting policy (not a standard): where an open alert clears, how many consecutive
 * exceedances open it, and at which multiples of the limit its severity rises. Defaults apply to
 * every rule; a rule id can override the clear ratio and the pending count.
 *
 * @param clearRatio        default clear level as a fraction of the limit (0.9: clear at 90 %)
 * @param clearRatioByRule  per-rule clear ratios, keyed by catalog rule id
 * @param pending           default consecutive exceeding periods before an alert opens (>= 1)
 * @param pendingByRule     per-rule pending counts
 * @param majorFactor       observed / limit at or above which a concentration alert is major
 * @param criticalFactor    observed / limit at or above which it is critical
 */
public record AlertPolicy(double clearRatio, Map<String, Double> clearRatioByRule, int pending,
                          Map<String, Integer> pendingByRule, double majorFactor, double criticalFactor) {
  /** Clear at 90 % of the limit, open at the first exceedance, major at 1.5x, critical at 2x. */
  public static final AlertPolicy DEFAULT = new AlertPolicy(0.9, Map.of(), 1, Map.of(), 1.5, 2.0);

  public AlertPolicy {
    clearRatioByRule = Map.copyOf(Objects.requireNonNull(clearRatioByRule, "clearRatioByRule"));
    pendingByRule = Map.copyOf(Objects.requireNonNull(pendingByRule, "pendingByRule"));
    checkRatio("clearRatio", clearRatio);
    clearRatioByRule.forEach((rule, ratio) -> checkRatio("clear ratio of rule " + rule, ratio));
    checkPending("pending", pending);
    pendingByRule.forEach((rule, n) -> checkPending("pending of rule " + rule, n));
    if (!(majorFactor > 1 && criticalFactor >= majorFactor)) {
      throw new IllegalArgumentException("severity factors must satisfy 1 < major <= critical, got major="
          + majorFactor + " critical=" + criticalFactor);
    }
  }

  private static void checkRatio(String what, double ratio) {
    if (!(ratio > 0 && ratio <= 1)) {
      throw new IllegalArgumentException(what + " must be in (0, 1] (1 = no hysteresis), got " + ratio);
    }
  }

  private static void checkPending(String what, int n) {
    if (n < 1) {
      throw new IllegalArgumentException(what + " must be at least 1 (1 = open at the first exceedance), got " + n);
    }
  }

  /** Clear ratio for a rule. */
  public double clearRatio(String ruleId) {
    return clearRatioByRule.getOrDefault(ruleId, clearRatio);
  }

  /** Pending count for a rule. */
  public int pending(String ruleId) {
    return pendingByRule.getOrDefault(ruleId, pending);
  }

  /** Severity of a concentration exceedance by how far it is beyond the limit. */
  public Severity severityOf(double observed, Threshold threshold) {
    double factor = threshold.direction() == Direction.ABOVE
        ? observed / threshold.raise()
        : threshold.raise() / Math.max(observed, Double.MIN_VALUE);
    if (factor >= criticalFactor) {
      return Severity.CRITICAL;
    }
    return factor >= majorFactor ? Severity.MAJOR : Severity.WARNING;
  }
}
