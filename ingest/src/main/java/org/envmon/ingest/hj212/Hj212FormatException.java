package org.envmon.ingest.hj212;

/** A data segment that does not follow the HJ 212 field syntax; the message names the fault. */
public final class Hj212FormatException extends Exception {
  public Hj212FormatException(String message) {
    super(message);
  }
}
