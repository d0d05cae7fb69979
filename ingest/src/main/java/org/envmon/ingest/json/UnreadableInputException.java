package org.envmon.ingest.json;

/** The input as a whole cannot be read (not JSON, not an object or array, CSV without the header). */
public final class UnreadableInputException extends Exception {
  public UnreadableInputException(String message) {
    super(message);
  }
}
