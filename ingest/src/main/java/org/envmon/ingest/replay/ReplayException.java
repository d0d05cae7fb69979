package org.envmon.ingest.replay;

/** A replay stopped before the end: Kafka refused data, or the replay was interrupted. */
public final class ReplayException extends RuntimeException {
  private final transient ReplayResult partialResult;

  ReplayException(String message, Throwable cause, ReplayResult partialResult) {
    super(message, cause);
    this.partialResult = partialResult;
  }

  /** What had been replayed when it stopped; readings counted as sent may not all be acknowledged. */
  public ReplayResult partialResult() {
    return partialResult;
  }
}
