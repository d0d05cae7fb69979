package org.envmon.streams.internals.voc;

/**
 * VOCs hot-spot detection (高值点位; envmon's policy): an hourly value above {@code k} times the
 * median of the station's preceding {@code baselineHours} hourly values of the same compound.
 *
 * @param k                  multiple of the median that marks a hot spot, &gt; 1
 * @param baselineHours      hours of history in the median, 24..720 (default 7 days)
 * @param minBaselineValues  valid hourly values the median needs before anything is judged
 */
public record HotSpotPolicy(double k, int baselineHours, int minBaselineValues) {
  /** 3 x the 7-day median, once 24 hourly values exist. */
  public static final HotSpotPolicy DEFAULT = new HotSpotPolicy(3.0, 168, 24);

  public HotSpotPolicy {
    if (!(k > 1) || !Double.isFinite(k)) {
      throw new IllegalArgumentException("hot-spot factor k must be a number above 1, got " + k);
    }
    if (baselineHours < 24 || baselineHours > 720) {
      throw new IllegalArgumentException("hot-spot baseline must be 24..720 hours, got " + baselineHours);
    }
    if (minBaselineValues < 1 || minBaselineValues > baselineHours) {
      throw new IllegalArgumentException("hot-spot minimum baseline values must be 1.." + baselineHours + ", got "
          + minBaselineValues);
    }
  }
}
