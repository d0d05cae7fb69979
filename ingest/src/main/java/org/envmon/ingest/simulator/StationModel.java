package org.envmon.ingest.simulator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The values one simulated station reports for one period. Stateful: called in time order. */
interface StationModel {
  /** @param hour hours since the simulation started; {@code local} is the period start in Beijing time */
  List<Value> valuesAt(long hour, LocalDateTime local);

  /** One value as the logger would send it, already rounded to the logger's resolution. */
  record Value(String parameter, String text, Fault fault) {
    static Value of(String parameter, double value, int decimals) {
      return new Value(parameter, format(value, decimals), Fault.NONE);
    }

    static String format(double value, int decimals) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
  }

  /** A random generator per station, independent of the other stations in the run. */
  static SplittableRandom randomFor(long seed, String stationId) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ stationId.hashCode());
  }

  /** Lognormal multiplicative noise with median 1. */
  static double lognormal(SplittableRandom random, double sigma) {
    return Math.exp(sigma * random.nextGaussian());
  }
}
