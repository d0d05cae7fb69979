package org.envmon.streams.internals.water;

/**
 * The water evaluation period (envmon's policy): samples of {@code periodDays} Beijing natural
 * days are averaged per indicator and classified together.
 *
 * @param periodDays length of the evaluation period in days, 1 (daily) to 31
 */
public record WaterPolicy(int periodDays) {
  /** Daily evaluation (e.g. six 4-hourly samples per indicator). */
  public static final WaterPolicy DEFAULT = new WaterPolicy(1);

  public WaterPolicy {
    if (periodDays < 1 || periodDays > 31) {
      throw new IllegalArgumentException("water evaluation period must be 1..31 days, got " + periodDays);
    }
  }
}
