package org.envmon.sinks.influx.write;

/** A failed write, classified by {@link WriteFailureClassifier}. */
public final class InfluxWriteException extends Exception {
  /** What a caller should do about a failure. */
  public enum Kind {
    /** InfluxDB is unavailable or overloaded: write the same batch again later. */
    RETRYABLE,
    /**
     * InfluxDB refused the request for reasons not in the points (401/403 credentials, 404 unknown
     * database or bucket): retrying succeeds once an operator fixes the setup, and dead-lettering
     * the points would lose good data.
     */
    MISCONFIGURED,
    /** InfluxDB refused (part of) the batch: retrying the same points cannot succeed. */
    REJECTED
  }

  private final Kind kind;
  private final int status;

  public InfluxWriteException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** True unless the points themselves were refused. */
  public boolean retryable() {
    return kind != Kind.REJECTED;
  }

  /** HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }
}
