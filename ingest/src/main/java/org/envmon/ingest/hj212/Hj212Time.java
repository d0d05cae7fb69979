package org.envmon.ingest.hj212;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** HJ 212 timestamps: {@code yyyyMMddHHmmss}, or with milliseconds ({@code yyyyMMddHHmmssSSS}). */
public final class Hj212Time {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").withResolverStyle(ResolverStyle.STRICT);

  private Hj212Time() {}

  /** The instant a local HJ 212 timestamp denotes in {@code zone}. */
  public static Instant parse(String text, ZoneId zone) throws Hj212FormatException {
    String t = text == null ? "" : text.strip();
    DateTimeFormatter format = switch (t.length()) {
      case 14 -> SECONDS;
      case 17 -> MILLIS;
      default -> throw new Hj212FormatException("time '" + text
          + "' is neither yyyyMMddHHmmss nor yyyyMMddHHmmssSSS");
    };
    try {
      return LocalDateTime.parse(t, format).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new Hj212FormatException("time '" + text + "' is not a valid date and time: " + e.getMessage());
    }
  }
}
