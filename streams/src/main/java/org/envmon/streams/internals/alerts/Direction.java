package org.envmon.streams.internals.alerts;

/** Which side of a limit is bad: most limits are maxima, dissolved oxygen is a minimum. */
public enum Direction {
  /** A value above the limit exceeds it. */
  ABOVE,
  /** A value below the limit exceeds it. */
  BELOW
}
