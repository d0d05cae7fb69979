package org.envmon.standards;

import java.util.Optional;
import org.envmon.standards.catalog.Rule;

/**
 * A statistic judged against a rule.
 *
 * @param rule the rule that judged it
 * @param value the statistic's value
 * @param exceeded whether the value breaks the limit (a value exactly at the limit complies)
 * @param margin value beyond the limit: positive = by how much it exceeds, negative = headroom
 */
public record Exceedance(Rule rule, double value, boolean exceeded, double margin) {

  /** Judges a plain value. */
  public static Exceedance of(Rule rule, double value) {
    return new Exceedance(rule, value, rule.exceeds(value), rule.margin(value));
  }

  /**
   * Judges a computed statistic; an invalid statistic (or one without a value) is not judged at
   * all, because it must never raise a compliance alert by itself.
   */
  public static Optional<Exceedance> of(Rule rule, StatisticResult result) {
    if (!result.valid() || result.value() == null) {
      return Optional.empty();
    }
    return Optional.of(of(rule, result.value()));
  }
}
