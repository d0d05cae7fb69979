package org.envmon.ingest.simulator;

/**
 * A deliberate instrument fault in a simulated value, so QC downstream has something to catch.
 * Missing hours are not values and so not listed: those readings are simply absent.
 */
public enum Fault {
  NONE,
  /** The analyser repeats its last value for hours. */
  STUCK,
  /** A single implausible jump. */
  SPIKE,
  /** The logger's "no data" sentinel, -999. */
  SENTINEL
}
