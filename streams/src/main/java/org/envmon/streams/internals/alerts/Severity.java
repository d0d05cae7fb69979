package org.envmon.streams.internals.alerts;

import java.util.Locale;

/** How urgent an alert is, in rising order; an episode escalates when its severity rises. */
public enum Severity {
  INFO, WARNING, MAJOR, CRITICAL;

  /** The spelling on the wire and in InfluxDB tags: info, warning, major, critical. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #wire()} (any case). */
  public static Severity fromWire(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + text + "'; use info, warning, major or critical", e);
    }
  }
}
