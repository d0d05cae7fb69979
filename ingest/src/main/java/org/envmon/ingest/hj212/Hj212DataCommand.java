package org.envmon.ingest.hj212;

import java.util.Arrays;
import java.util.Optional;

/**
 * The upload commands that carry measurements, with the value suffix envmon takes and the
 * period the value represents. DataTime is the period start for 2051/2061/2031 and the sampling
 * instant for 2011, whose period is the station's cadence.
 */
public enum Hj212DataCommand {
  REAL_TIME("2011", "Rtd", 0),
  MINUTE("2051", "Avg", 60),
  HOURLY("2061", "Avg", 3600),
  DAILY("2031", "Avg", 86_400);

  /** Noise loggers send their level as {@code -Data} instead of Rtd/Avg. */
  public static final String NOISE_SUFFIX = "Data";

  private final String cn;
  private final String valueSuffix;
  private final int fixedPeriodSeconds;

  Hj212DataCommand(String cn, String valueSuffix, int fixedPeriodSeconds) {
    this.cn = cn;
    this.valueSuffix = valueSuffix;
    this.fixedPeriodSeconds = fixedPeriodSeconds;
  }

  /** Rtd for real-time data, Avg for period data. */
  public String valueSuffix() {
    return valueSuffix;
  }

  /** Seconds the value represents; real-time values represent the station's cadence. */
  public int periodSeconds(int stationCadenceSeconds) {
    return fixedPeriodSeconds == 0 ? stationCadenceSeconds : fixedPeriodSeconds;
  }

  public static Optional<Hj212DataCommand> fromCn(String cn) {
    return Arrays.stream(values()).filter(c -> c.cn.equals(cn)).findFirst();
  }
}
