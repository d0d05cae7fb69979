package org.envmon.standards.catalog;

/** Which side of a limit is a failure. */
public enum Comparison {
  /** A value strictly above the limit exceeds it (concentrations, noise levels). */
  ABOVE,
  /** A value strictly below the limit exceeds it (dissolved oxygen, pH minimum, good-day ratio). */
  BELOW;

  /** Whether {@code value} breaks {@code limit}; a value exactly at the limit complies. */
  public boolean exceeds(double value, double limit) {
    return this == ABOVE ? value > limit : value < limit;
  }

  /** How far {@code value} is beyond the limit: positive = exceeding, negative = headroom. */
  public double margin(double value, double limit) {
    return this == ABOVE ? value - limit : limit - value;
  }
}
