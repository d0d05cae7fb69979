package org.envmon.ingest.replay;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the fields of one data line of a CSV layout become readings. */
interface CsvLayout {
  /** @param lastTime time of the file's previous good line, for malformed lines */
  ReplayLine parse(String file, long line, List<String> fields, String raw, Instant lastTime);

  /** The layout whose header this is, if any. */
  static Optional<CsvLayout> forHeader(List<String> header) {
    List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    if (names.containsAll(List.of("year", "month", "day", "hour", "station"))) {
      return Optional.of(new UciAirQualityLayout(names));
    }
    if (names.containsAll(List.of("station", "parameter", "time", "value"))) {
      return Optional.of(new GenericCsvLayout(names));
    }
    return Optional.empty();
  }

  /** True for the spellings of a missing value: the UCI files' NA, or nothing at all. */
  static boolean isMissing(String value) {
    String v = value.strip();
    return v.isEmpty() || v.equalsIgnoreCase("NA");
  }
}
