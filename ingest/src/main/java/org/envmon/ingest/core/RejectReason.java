package org.envmon.ingest.core;

/** Why ingest refused an input; the code goes into the DLQ record and the per-reason counter. */
public enum RejectReason {
  UNKNOWN_STATION,
  UNKNOWN_PARAMETER,
  WRONG_MEDIUM,
  BAD_TIME,
  FUTURE_TIME,
  NOT_A_NUMBER,
  MALFORMED,
  BAD_CRC,
  AUTH_FAILED,
  DUPLICATE,
  OVERSIZED,
  /** The station sent more than its rate limit allows (MQTT: the message is kept in the DLQ instead). */
  RATE_LIMITED
}
