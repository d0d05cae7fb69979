package org.envmon.streams.internals;

import org.envmon.standards.Parameter;
import org.envmon.standards.noise.Leq;

/**
 * How the samples of one hour combine into the hourly value: sound levels by energy (Leq, GB
 * 3096), the maximum level by its maximum, everything else by the arithmetic mean. Works on the
 * running aggregates of {@link HourState.Accumulator}; the results are those of the same
 * formulas over the sample list (same terms, summed in the same order).
 */
public final class HourlyMean {
  private HourlyMean() {}

  /** The hourly value of {@code parameter} from its valid samples, or null when there is none. */
  public static Double of(String parameter, HourState.Accumulator samples) {
    if (samples.count() == 0) {
      return null;
    }
    Parameter p = Parameter.fromCode(parameter).orElse(null);
    if (p == Parameter.LA || p == Parameter.LEQ) {
      // Leq.energyMean's final step, on the running energy sum
      return 10 * Math.log10(samples.energySum() / samples.count());
    }
    if (p == Parameter.LMAX) {
      return samples.max();
    }
    return samples.sum() / samples.count();
  }

  /** One level's sound energy, the term {@link Leq#energyMean} sums. */
  static double energy(double levelDb) {
    return Math.pow(10, levelDb / 10.0);
  }
}
