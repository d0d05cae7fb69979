package org.envmon.sinks.influx.point;

/** A record the schema contract has no point for (e.g. an unknown statistic); it goes to the DLQ. */
public final class UnmappableRecordException extends RuntimeException {
  public UnmappableRecordException(String message) {
    super(message);
  }
}
