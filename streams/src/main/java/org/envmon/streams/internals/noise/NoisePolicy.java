package org.envmon.streams.internals.noise;

/**
 * How complete a noise period must be for its Leq to count (envmon's policy: GB 3096 sets limits,
 * not a data-capture rule).
 *
 * @param minCoverage fraction of the period's hours that need an hourly level, (0, 1]
 */
public record NoisePolicy(double minCoverage) {
  /** At least 75 % of the hours (12 of 16 by day, 6 of 8 at night). */
  public static final NoisePolicy DEFAULT = new NoisePolicy(0.75);

  public NoisePolicy {
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("noise minimum coverage must be in (0, 1], got " + minCoverage);
    }
  }

  /** Hours a period of {@code periodHours} needs. */
  public int requiredHours(int periodHours) {
    return (int) Math.ceil(periodHours * minCoverage - 1e-9);
  }
}
