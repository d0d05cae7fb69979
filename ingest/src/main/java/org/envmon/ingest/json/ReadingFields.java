package org.envmon.ingest.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.RejectReason;

/**
 * The fields of one reading as text, whatever format carried them, and their conversion into a
 * {@link ParsedRecord}: both the JSON and the CSV format end here so they accept the same
 * spellings and word their errors the same way. Null means the field was absent.
 */
record ReadingFields(String station, String parameter, String time, String value, String unit,
                     String flag, String periodSeconds, String sampleMinutes) {
  static final int DEFAULT_PERIOD_SECONDS = 3600;
  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}");

  ParsedRecord toParsed(int index, String source, String raw) {
    String stationId = blankToNull(station);
    if (stationId == null) {
      return ParsedRecord.unreadable(index, null, RejectReason.MALFORMED,
          "record " + index + " has no 'station' (the station id from the registry, e.g. \"Dongsi\")", raw);
    }
    if (blankToNull(parameter) == null) {
      return ParsedRecord.unreadable(index, stationId, RejectReason.MALFORMED,
          "record " + index + " has no 'parameter' (a parameter code, e.g. \"PM2_5\")", raw);
    }
    if (blankToNull(value) == null) {
      return ParsedRecord.unreadable(index, stationId, RejectReason.NOT_A_NUMBER,
          "record " + index + " has no 'value'", raw);
    }
    Instant observedAt;
    try {
      observedAt = parseTime(time);
    } catch (IllegalArgumentException e) {
      return ParsedRecord.unreadable(index, stationId, RejectReason.BAD_TIME,
          "record " + index + ": " + e.getMessage(), raw);
    }
    Integer period = parseInt(periodSeconds, 1);
    if (periodSeconds != null && period == null) {
      return ParsedRecord.unreadable(index, stationId, RejectReason.MALFORMED, "record " + index
          + ": 'periodSeconds' must be a positive whole number of seconds, got '" + periodSeconds + "'", raw);
    }
    Integer minutes = parseInt(sampleMinutes, 0);
    if (sampleMinutes != null && minutes == null) {
      return ParsedRecord.unreadable(index, stationId, RejectReason.MALFORMED, "record " + index
          + ": 'sampleMinutes' must be a whole number of minutes, 0 or more, got '" + sampleMinutes + "'", raw);
    }
    Candidate candidate = new Candidate(stationId, parameter.strip(), observedAt, value.strip(),
        blankToNull(unit), blankToNull(flag), period == null ? DEFAULT_PERIOD_SECONDS : period, minutes, source);
    return ParsedRecord.readable(index, candidate, raw);
  }

  /** ISO-8601 with an offset (or Z), or epoch milliseconds. A local time is refused: it is ambiguous. */
  static Instant parseTime(String text) {
    String t = blankToNull(text);
    if (t == null) {
      throw new IllegalArgumentException("'time' is missing; send ISO-8601 with an offset, e.g. "
          + "\"2026-05-01T08:00:00+08:00\", or epoch milliseconds");
    }
    if (EPOCH_MILLIS.matcher(t).matches()) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      if (isLocalDateTime(t)) {
        throw new IllegalArgumentException("time '" + t + "' has no UTC offset; add one, e.g. '" + t
            + "+08:00' for Beijing time", e);
      }
      throw new IllegalArgumentException("time '" + t + "' is not ISO-8601 with an offset (e.g. "
          + "\"2026-05-01T08:00:00+08:00\") nor epoch milliseconds", e);
    }
  }

  private static boolean isLocalDateTime(String t) {
    try {
      LocalDateTime.parse(t);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The whole number in {@code text} if it is at least {@code min}, else null. */
  private static Integer parseInt(String text, int min) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    try {
      int v = Integer.parseInt(t);
      return v >= min ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
