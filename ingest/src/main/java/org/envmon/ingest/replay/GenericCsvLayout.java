package org.envmon.ingest.replay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.envmon.ingest.core.ReadingValidator.Candidate;

/**
 * The generic layout, the same as the HTTP path's CSV: header {@code station,parameter,time,value}
 * plus optional {@code unit}, {@code flag}, {@code periodSeconds}, {@code sampleMinutes}, in any
 * order, one reading per line; {@code time} is ISO-8601 with an offset and is the start of the
 * period; an empty unit means the parameter's canonical unit; NA or empty value is missing.
 */
final class GenericCsvLayout implements CsvLayout {
  private final int columns;
  private final int station;
  private final int parameter;
  private final int time;
  private final int value;
  private final int unit;
  private final int periodSeconds;
  private final int flag;
  private final int sampleMinutes;

  GenericCsvLayout(List<String> lowerCaseHeader) {
    columns = lowerCaseHeader.size();
    station = lowerCaseHeader.indexOf("station");
    parameter = lowerCaseHeader.indexOf("parameter");
    time = lowerCaseHeader.indexOf("time");
    value = lowerCaseHeader.indexOf("value");
    unit = lowerCaseHeader.indexOf("unit");
    periodSeconds = lowerCaseHeader.indexOf("periodseconds");
    flag = lowerCaseHeader.indexOf("flag");
    sampleMinutes = lowerCaseHeader.indexOf("sampleminutes");
  }

  @Override
  public ReplayLine parse(String file, long line, List<String> fields, String raw, Instant lastTime) {
    if (fields.size() != columns) {
      return new ReplayLine.Malformed(file, line, lastTime, "expected " + columns + " fields as in the header, found "
          + fields.size(), raw);
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(fields.get(time).strip()).toInstant();
    } catch (DateTimeParseException e) {
      return new ReplayLine.Malformed(file, line, lastTime, "time '" + fields.get(time)
          + "' is not ISO-8601 with an offset, e.g. 2026-03-01T08:00:00+08:00", raw);
    }
    int period = 3600;
    if (periodSeconds >= 0 && !fields.get(periodSeconds).isBlank()) {
      try {
        period = Integer.parseInt(fields.get(periodSeconds).strip());
        if (period <= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        return new ReplayLine.Malformed(file, line, at, "periodSeconds '" + fields.get(periodSeconds)
            + "' is not a positive whole number", raw);
      }
    }
    Integer minutes = null;
    if (sampleMinutes >= 0 && !fields.get(sampleMinutes).isBlank()) {
      try {
        minutes = Integer.parseInt(fields.get(sampleMinutes).strip());
        if (minutes < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        return new ReplayLine.Malformed(file, line, at, "sampleMinutes '" + fields.get(sampleMinutes)
            + "' is not a whole number of 0 or more", raw);
      }
    }
    String stationId = fields.get(station).strip();
    if (stationId.isEmpty()) {
      return new ReplayLine.Malformed(file, line, at, "the station field is empty", raw);
    }
    String v = fields.get(value).strip();
    if (CsvLayout.isMissing(v)) {
      return new ReplayLine.Parsed(file, line, at, stationId, List.of(), 1, raw);
    }
    String u = unit >= 0 ? fields.get(unit).strip() : "";
    String f = flag >= 0 && !fields.get(flag).isBlank() ? fields.get(flag).strip() : null;
    Candidate candidate = new Candidate(stationId, fields.get(parameter).strip(), at, v, u, f, period, minutes,
        Replayer.SOURCE);
    return new ReplayLine.Parsed(file, line, at, stationId, List.of(candidate), 0, raw);
  }
}
