package org.envmon.streams.internals.alerts;

import java.util.Objects;

/**
 * The raise and clear levels of one rule. A value beyond {@code raise} exceeds; an open episode
 * clears only once the value is back on the good side of {@code clear} (hysteresis), so a value
 * flapping around the limit does not open and close alerts over and over.
 *
 * @param raise     the limit: exceeded when strictly beyond it
 * @param clear     the level the value must reach (inclusive) to clear an open episode
 * @param direction which side of the limits is bad
 */
public record Threshold(double raise, double clear, Direction direction) {
  public Threshold {
    Objects.requireNonNull(direction, "direction");
    if (!Double.isFinite(raise) || !Double.isFinite(clear)) {
      throw new IllegalArgumentException("threshold levels must be finite numbers, got raise=" + raise
          + " clear=" + clear);
    }
    boolean clearOnGoodSide = direction == Direction.ABOVE ? clear <= raise : clear >= raise;
    if (!clearOnGoodSide) {
      throw new IllegalArgumentException("clear level " + clear + " must lie on the good side of the raise level "
          + raise + " for a limit " + direction.name().toLowerCase(java.util.Locale.ROOT) + " which values exceed");
    }
  }

  /**
   * A threshold whose clear level is {@code clearRatio} of the way from zero to the limit for
   * maxima (0.9 -> clear at 90 % of the limit), and the mirror image for minima (clear at 110 %).
   */
  public static Threshold withClearRatio(double limit, Direction direction, double clearRatio) {
    if (!(clearRatio > 0 && clearRatio <= 1)) {
      throw new IllegalArgumentException("clear ratio must be in (0, 1], got " + clearRatio);
    }
    double clear = direction == Direction.ABOVE ? limit * clearRatio : limit * (2 - clearRatio);
    return new Threshold(limit, clear, direction);
  }

  /** True when the value is beyond the raise level. */
  public boolean exceeds(double value) {
    return direction == Direction.ABOVE ? value > raise : value < raise;
  }

  /** True when the value is back on the good side of the clear level. */
  public boolean clears(double value) {
    return direction == Direction.ABOVE ? value <= clear : value >= clear;
  }
}
