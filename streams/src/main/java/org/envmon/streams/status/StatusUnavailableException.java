package org.envmon.streams.status;

/**
 * The status cannot be answered right now: the stores are rebalancing, restoring or have moved,
 * or the instance owning a key did not answer. Retry after {@link #RETRY_AFTER_SECONDS}.
 */
public final class StatusUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Suggested wait before retrying; a rebalance usually settles within seconds. */
  public static final int RETRY_AFTER_SECONDS = 2;

  public StatusUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StatusUnavailableException(String message) {
    super(message);
  }
}
