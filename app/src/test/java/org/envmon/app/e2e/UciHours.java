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
 * hourly values that count under envmon's default QC policy (NaN where the hour is missing or
 * invalid). Written independently of ingest and streams: a logger sentinel, a negative or an
 * out-of-range value is left out; stuck values, spikes and PM2.5 above PM10 are only suspect
 * findings by default and still count (QcPolicy.defaults()), so they need no modelling here.
 */
final class UciHours {
  static final List<String> POLLUTANTS = List.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3");
  private static final Map<String, String> COLUMNS = Map.of("PM2_5", "PM2.5", "PM10", "PM10", "SO2", "SO2",
      "NO2", "NO2", "CO", "CO", "O3", "O3");
  /** Physical maxima of Parameter (µg/m³; CO mg/m³). */
  private static final Map<String, Double> MAX = Map.of("PM2_5", 1000.0, "PM10", 2000.0, "SO2", 3000.0,
      "NO2", 2000.0, "CO", 150.0, "O3", 1500.0);
  private static final Set<Double> SENTINELS = Set.of(-999.0, -9999.0, 9999.0, 99999.0);

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
          if (counts(pollutant, value)) {
            hours.computeIfAbsent(station, s -> new TreeMap<>())
                .computeIfAbsent(pollutant, p -> new TreeMap<>())
                .computeIfAbsent(date, d -> nan24())[hour] = value;
          }
        }
      }
    }
  }

  private static boolean counts(String pollutant, double value) {
    return !SENTINELS.contains(value) && value >= 0 && value <= MAX.get(pollutant);
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
