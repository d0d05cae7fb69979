package org.envmon.streams.internals;

import java.util.List;
import org.envmon.standards.Parameter;
import org.envmon.standards.noise.Leq;

/**
 * How the samples of one hour combine into the hourly value: sound levels by energy (Leq, GB
 * 3096), the maximum level by its maximum, everything else by the arithmetic mean.
 */
public final class HourlyMean {
  private HourlyMean() {}

  /** The hourly value of {@code parameter} from its valid samples, or null when there is none. */
  public static Double of(String parameter, List<Double> samples) {
    if (samples.isEmpty()) {
      return null;
    }
    Parameter p = Parameter.fromCode(parameter).orElse(null);
    if (p == Parameter.LA || p == Parameter.LEQ) {
      return Leq.energyMean(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }
    if (p == Parameter.LMAX) {
      return samples.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
    }
    double sum = 0;
    for (double v : samples) {
      sum += v;
    }
    return sum / samples.size();
  }
}
