package org.envmon.app.status;

/** URL paths of the status server. */
final class StatusPaths {
  /** Public API root. */
  static final String API = "/api/v1/status/";
  static final String STATIONS = API + "stations";
  static final String ALERTS_OPEN = API + "alerts/open";
  static final String PLAN = API + "plan";
  /**
   * Instance-to-instance reads of one store's local part: {@code <PEER><store>} for all of it,
   * with repeated {@code key} parameters for single keys. Never forwarded further.
   */
  static final String PEER = "/api/v1/internal/status/";

  private StatusPaths() {}
}
