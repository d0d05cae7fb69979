package org.envmon.ingest.hj212;

/**
 * Bytes the frame decoder had to discard, and why.
 *
 * @param kind    what was wrong
 * @param message a sentence for logs and the DLQ
 * @param preview the discarded bytes as text, cut to a bounded length
 */
public record Hj212DecodeError(Kind kind, String message, String preview) {
  /** The classes of framing failure. */
  public enum Kind {
    /** Bytes before a {@code ##} start marker. */
    GARBAGE,
    /** The four characters after {@code ##} are not a decimal length. */
    BAD_LENGTH,
    /** The length field exceeds the configured maximum segment length. */
    OVERSIZED,
    /** The bytes after the counted segment are not four hex digits and CR LF. */
    BAD_TRAILER
  }
}
