package org.envmon.streams.qc;

/** QC findings, as written to {@code HourlyValue.qcFlags}. */
public enum QcFlag {
  /** A logger's "no data" code (e.g. -999, 9999) instead of a value; the sample is unusable. */
  SENTINEL,
  /** Below zero for a parameter that cannot be negative. */
  NEGATIVE,
  /** Outside the parameter's physical range. */
  RANGE,
  /** The same value too many times in a row: a stuck sensor. */
  STUCK,
  /** A jump larger than the parameter's plausible rate of change. */
  SPIKE,
  /** The hour's PM2.5 mean exceeds its PM10 mean (PM2.5 is a fraction of PM10). */
  PM25_GT_PM10;

  /** The flag for an HJ 212 data flag other than N, e.g. {@code LOGGER_FLAG_M}. */
  public static String loggerFlag(String hj212Flag) {
    return "LOGGER_FLAG_" + hj212Flag;
  }
}
