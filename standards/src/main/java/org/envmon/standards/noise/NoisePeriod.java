package org.envmon.standards.noise;

import org.envmon.standards.Statistic;

/** GB 3096-2008 §3: day 06:00-22:00, night 22:00-06:00 (Beijing local time). */
public enum NoisePeriod {
  DAY(Statistic.LEQ_DAY),
  NIGHT(Statistic.LEQ_NIGHT);

  private final Statistic leqStatistic;

  NoisePeriod(Statistic leqStatistic) {
    this.leqStatistic = leqStatistic;
  }

  /** The catalog statistic of this period's Leq limit. */
  public Statistic leqStatistic() {
    return leqStatistic;
  }
}
