package org.envmon.app.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The test's own reading of the UCI Beijing files: per station, pollutant and Beijing date, the 24
 * hourly values that pass envmon's QC (NaN where the hour is missing or flagged). Written
 * independently of ingest and streams; the QC rules are those of docs/pipeline.md: a negative or
 * out-of-range value, the same value 8 times in a row (stuck) or a rise beyond the hourly
 * allowance (spike) is flagged and left out of the means, yet still counts as the series' last value.
 */
final class UciHours {
  static final List<String> POLLUTANTS = List.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3");
  private static final Map<String, String> COLUMNS = Map.of("PM2_5", "PM2.5", "PM10", "PM10", "SO2", "SO2",
      "NO2", "NO2", "CO", "CO", "O3", "O3");
  /** Physical maxima of Parameter (µg/m³; CO mg/m³). */
  private static final Map<String, Double> MAX = Map.of("PM2_5", 1000.0, "PM10", 2000.0, "SO2", 3000.0,
      "NO2", 2000.0, "CO", 150.0, "O3", 1500.0);
  /** Largest plausible change per hour (µg/m³; CO mg/m³). */
  private static final Map<String, Double> MAX_RISE = Map.of("PM2_5", 500.0, "PM10", 500.0, "SO2", 400.0,
      "NO2", 400.0, "CO", 20.0, "O3", 400.0);
  private static final Set<Double> SENTINELS = Set.of(-999.0, -9999.0, 9999.0, 99999.0);
  private static final int STUCK_REPEATS = 8;

  /** station -> pollutant -> date -> 24 hourly values (NaN = none). */
  private final Map<String, Map<String, TreeMap<LocalDate, double[]>>> hours = new TreeMap<>();

  private UciHours() {}

  /** Reads every PRSA_Data_*.csv.gz file of {@code dir}, keeping the Beijing dates from..to (inclusive). */
  static UciHours read(Path dir, LocalDate from, LocalDate to) throws IOException {
    UciHours result = new UciHours();
    List<Path> files;
    try (var list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".csv.gz")).sorted().toList();
    }
    for (Path file : files) {
      result.readFile(file, from, to);
    }
    return result;
  }

  Set<String> stations() {
    return hours.keySet();
  }

  /** The QC-passed hourly values of one day; all NaN when the station sent nothing that day. */
  double[] day(String station, String pollutant, LocalDate date) {
    double[] day = hours.getOrDefault(station, Map.of()).getOrDefault(pollutant, new TreeMap<>()).get(date);
    return day == null ? nan24() : day;
  }

  private void readFile(Path file, LocalDate from, LocalDate to) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      List<String> header = fields(in.readLine());
      Map<String, Series> series = new TreeMap<>();
      for (String pollutant : POLLUTANTS) {
        series.put(pollutant, new Series(pollutant));
      }
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = fields(line);
        LocalDate date = LocalDate.of(Integer.parseInt(f.get(header.indexOf("year"))),
            Integer.parseInt(f.get(header.indexOf("month"))), Integer.parseInt(f.get(header.indexOf("day"))));
        if (date.isBefore(from) || date.isAfter(to)) {
          continue;
        }
        int hour = Integer.parseInt(f.get(header.indexOf("hour")));
        String station = f.get(header.indexOf("station"));
        for (String pollutant : POLLUTANTS) {
          String text = f.get(header.indexOf(COLUMNS.get(pollutant)));
          if (text.equals("NA") || text.isEmpty()) {
            continue;
          }
          // CO is in µg/m³ in these files; envmon works in mg/m³ (an exact decimal shift).
          double value = pollutant.equals("CO") ? new BigDecimal(text).movePointLeft(3).doubleValue()
              : Double.parseDouble(text);
          long hourIndex = date.toEpochDay() * 24 + hour;
          if (series.get(pollutant).passes(value, hourIndex)) {
            hours.computeIfAbsent(station, s -> new TreeMap<>())
                .computeIfAbsent(pollutant, p -> new TreeMap<>())
                .computeIfAbsent(date, d -> nan24())[hour] = value;
          }
        }
      }
    }
  }

  /** QC memory of one (station, pollutant) series: last value, its repeat count and its hour. */
  private static final class Series {
    private final String pollutant;
    private Double last;
    private int repeats;
    private long lastHour;

    Series(String pollutant) {
      this.pollutant = pollutant;
    }

    boolean passes(double v, long hour) {
      if (SENTINELS.contains(v)) {
        return false; // unusable: not a measurement, and not part of the series either
      }
      boolean ok = v >= 0 && v <= MAX.get(pollutant);
      repeats = last != null && last == v ? repeats + 1 : 1;
      ok &= repeats < STUCK_REPEATS;
      if (last != null) {
        double allowance = MAX_RISE.get(pollutant) * Math.max(1, hour - lastHour);
        ok &= Math.abs(v - last) <= allowance;
      }
      last = v;
      lastHour = hour;
      return ok;
    }
  }

  private static double[] nan24() {
    double[] d = new double[24];
    Arrays.fill(d, Double.NaN);
    return d;
  }

  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      out.add(f.strip().replace("\"", ""));
    }
    return out;
  }
}
