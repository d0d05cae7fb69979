package org.envmon.sinks.influx.write;

import java.net.URI;
import java.time.Duration;

/** Checks shared by the writer option builders. */
final class WriterOptionChecks {
  private WriterOptionChecks() {}

  static void requireHttpUrl(URI url) {
    if (url == null) {
      throw new IllegalArgumentException("InfluxDB url is not set, e.g. http://localhost:8086");
    }
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
      throw new IllegalArgumentException("InfluxDB url '" + url
          + "' is not an http(s) URL with a host, e.g. http://localhost:8086");
    }
    if (url.getUserInfo() != null) {
      throw new IllegalArgumentException("InfluxDB url must not contain credentials;"
          + " pass them as a Secret instead");
    }
  }

  static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
