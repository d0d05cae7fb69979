package org.envmon.ingest.replay;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.standards.BeijingZone;

/**
 * The UCI "Beijing Multi-Site Air-Quality Data" layout: {@code No,year,month,day,hour,PM2.5,PM10,
 * SO2,NO2,CO,O3,...,station}. {@code hour} labels the hour beginning, Beijing time, so it is the
 * period start; {@code NA} is missing. CO is in ug/m3 in these files and leaves as mg/m3.
 */
final class UciAirQualityLayout implements CsvLayout {
  /** Column name in the file to envmon parameter code, in the order readings are emitted. */
  private static final Map<String, String> POLLUTANTS = new LinkedHashMap<>();

  static {
    POLLUTANTS.put("pm2.5", "PM2_5");
    POLLUTANTS.put("pm10", "PM10");
    POLLUTANTS.put("so2", "SO2");
    POLLUTANTS.put("no2", "NO2");
    POLLUTANTS.put("co", "CO");
    POLLUTANTS.put("o3", "O3");
  }

  private final int columns;
  private final int year;
  private final int month;
  private final int day;
  private final int hour;
  private final int station;
  private final Map<String, Integer> pollutantColumns = new LinkedHashMap<>();

  UciAirQualityLayout(List<String> lowerCaseHeader) {
    columns = lowerCaseHeader.size();
    year = lowerCaseHeader.indexOf("year");
    month = lowerCaseHeader.indexOf("month");
    day = lowerCaseHeader.indexOf("day");
    hour = lowerCaseHeader.indexOf("hour");
    station = lowerCaseHeader.indexOf("station");
    POLLUTANTS.forEach((column, code) -> {
      int index = lowerCaseHeader.indexOf(column);
      if (index >= 0) {
        pollutantColumns.put(code, index);
      }
    });
  }

  @Override
  public ReplayLine parse(String file, long line, List<String> fields, String raw, Instant lastTime) {
    if (fields.size() != columns) {
      return new ReplayLine.Malformed(file, line, lastTime, "expected " + columns + " fields as in the header, found "
          + fields.size(), raw);
    }
    Instant time;
    try {
      time = LocalDateTime.of(Integer.parseInt(fields.get(year).strip()), Integer.parseInt(fields.get(month).strip()),
          Integer.parseInt(fields.get(day).strip()), Integer.parseInt(fields.get(hour).strip()), 0)
          .toInstant(BeijingZone.OFFSET);
    } catch (NumberFormatException | DateTimeException e) {
      return new ReplayLine.Malformed(file, line, lastTime, "year/month/day/hour '" + fields.get(year) + "/"
          + fields.get(month) + "/" + fields.get(day) + "/" + fields.get(hour) + "' is not a valid hour", raw);
    }
    String stationId = fields.get(station).strip();
    if (stationId.isEmpty()) {
      return new ReplayLine.Malformed(file, line, lastTime, "the station field is empty", raw);
    }
    List<Candidate> candidates = new ArrayList<>(pollutantColumns.size());
    int missing = 0;
    for (Map.Entry<String, Integer> pollutant : pollutantColumns.entrySet()) {
      String value = fields.get(pollutant.getValue()).strip();
      if (CsvLayout.isMissing(value)) {
        missing++;
        continue;
      }
      String code = pollutant.getKey();
      boolean co = code.equals("CO");
      candidates.add(new Candidate(stationId, code, time, co ? microgramsToMilligrams(value) : value,
          co ? "mg/m3" : "ug/m3", null, 3600, null, Replayer.SOURCE));
    }
    return new ReplayLine.Parsed(file, line, time, stationId, candidates, missing, raw);
  }

  /** Exact decimal shift, so 300 becomes 0.3 and not 0.30000000000000004; non-numbers pass through. */
  private static String microgramsToMilligrams(String ugPerM3) {
    try {
      return new BigDecimal(ugPerM3).movePointLeft(3).toPlainString();
    } catch (NumberFormatException e) {
      return ugPerM3; // the validator rejects it as NOT_A_NUMBER, naming the value
    }
  }
}
