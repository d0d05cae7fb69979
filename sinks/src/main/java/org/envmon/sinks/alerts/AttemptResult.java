package org.envmon.sinks.alerts;

/**
 * What one POST to a subscriber achieved.
 *
 * @param outcome what to do next
 * @param detail  the status line or error, for logs and dead letters
 */
record AttemptResult(Outcome outcome, String detail) {
  enum Outcome {
    /** 2xx: done. */
    DELIVERED,
    /** Timeout, connection error, 408, 425, 429 or 5xx: try again later. */
    RETRY,
    /** Any other status: the subscriber refuses this alert; retrying would not help. */
    REFUSED
  }

  static AttemptResult ofStatus(int status, String body) {
    String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
    if (status >= 200 && status < 300) {
      return new AttemptResult(Outcome.DELIVERED, detail);
    }
    boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
    return new AttemptResult(transientStatus ? Outcome.RETRY : Outcome.REFUSED, detail);
  }

  private static String abbreviate(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
