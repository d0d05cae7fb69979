package org.envmon.app.runtime;

/** What a feed sent: accepted readings, skipped (missing) values, and rejected inputs (in the DLQ). */
public record FeedResult(long sent, long skipped, long rejected) {
  public String summary() {
    return String.format("%,d readings sent, %,d missing values skipped, %,d rejected to the DLQ", sent, skipped, rejected);
  }
}
