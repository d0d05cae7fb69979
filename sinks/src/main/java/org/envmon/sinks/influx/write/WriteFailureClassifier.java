package org.envmon.sinks.influx.write;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place that decides whether a failed write is worth repeating. Retryable: 5xx, 429,
 * 408, timeouts and I/O failures (connection refused or reset). Misconfigured (retried too, but
 * an operator must act): 401, 403, 404. Rejected: every other 4xx (400 partial write or field
 * type conflict, 413 too large, 422).
 */
public final class WriteFailureClassifier {
  private WriteFailureClassifier() {}

  public static InfluxWriteException.Kind classifyStatus(int status) {
    if (status >= 500 || status == 429 || status == 408) {
      return InfluxWriteException.Kind.RETRYABLE;
    }
    if (status == 401 || status == 403 || status == 404) {
      return InfluxWriteException.Kind.MISCONFIGURED;
    }
    if (status >= 400) {
      return InfluxWriteException.Kind.REJECTED;
    }
    throw new IllegalArgumentException("HTTP " + status + " is not a failure");
  }

  /** Classifies a failure without an HTTP response: anything on the way to the server is retryable. */
  public static InfluxWriteException.Kind classifyTransport(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // IOException covers refused and reset connections and HTTP timeouts.
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return InfluxWriteException.Kind.RETRYABLE;
      }
    }
    return InfluxWriteException.Kind.REJECTED;
  }

  public static InfluxWriteException forStatus(int status, String target, String body) {
    String advice = switch (classifyStatus(status)) {
      case RETRYABLE -> "InfluxDB is unavailable or overloaded; the batch will be written again";
      case MISCONFIGURED -> status == 404
          ? "check that the database/bucket and retention policy exist; retrying until they do"
          : "check the credentials / token and their write permission; retrying until they work";
      case REJECTED -> "the batch contains points InfluxDB refuses (e.g. a field type conflict)";
    };
    return new InfluxWriteException(classifyStatus(status), status,
        "InfluxDB at " + target + " answered HTTP " + status + ": " + body.strip() + " (" + advice + ")",
        null);
  }

  /** The innermost cause, which names what went wrong (e.g. ConnectException: Connection refused). */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  public static InfluxWriteException forTransport(Throwable failure, String target) {
    return new InfluxWriteException(classifyTransport(failure), 0,
        "could not reach InfluxDB at " + target + ": " + describe(failure), failure);
  }
}
