package org.envmon.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.envmon.standards.air.AirStatistics;
import org.envmon.standards.aqi.AqiCalculator;
import org.envmon.standards.aqi.AqiResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Three real station-days of the Beijing multi-site data set, recomputed by a deliberately plain
 * calculation in this test and compared with the calculators. The data set's hour h is read as
 * the hour beginning at h:00 (Beijing time); CO is given in ug/m3 there and converted to mg/m3.
 */
class RealStationDaysTest {
  private static final List<String> POLLUTANTS = List.of("PM2.5", "PM10", "SO2", "NO2", "CO", "O3");

  private static Path dataDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir == null ? null : dir.resolve("../shared/data/beijing-multisite").normalize();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"Dongsi, 2015-01-15", "Tiantan, 2014-07-15", "Huairou, 2016-10-01"})
  void calculatorsMatchAPlainRecomputation(String station, LocalDate date) throws IOException {
    Path dir = dataDir();
    assumeTrue(dir != null && Files.isDirectory(dir),
        "skipped: ../shared/data/beijing-multisite (next to the repository) is absent");
    Path file;
    try (var files = Files.list(dir)) {
      file = files.filter(f -> f.getFileName().toString().startsWith("PRSA_Data_" + station + "_")).findFirst()
          .orElse(null);
    }
    assumeTrue(file != null, "skipped: no file for station " + station + " in " + dir);
    Map<String, double[]> hours = readDay(file, date);

    AirStatistics air = AirStatistics.builtIn();
    Map<String, Double> daily = new HashMap<>();
    for (String p : List.of("PM2.5", "PM10", "SO2", "NO2", "CO")) {
      double[] h = hours.get(p);
      double plain = plainMean(h);
      StatisticResult r = air.dailyMean(date, Parameter.fromCode(p).orElseThrow(), h);
      assertThat(r.count()).isEqualTo(plainCount(h));
      assertThat(r.valid()).isEqualTo(plainCount(h) >= 20);
      assertThat(r.value()).isCloseTo(plain, within(1e-9));
      assertThat(r.standard()).isEqualTo("GB 3095-2012");
      daily.put(p.equals("PM2.5") ? "PM2_5" : p, r.value());
    }
    double[] o3 = hours.get("O3");
    StatisticResult mda8 = air.mda8(date, o3, 2);
    assertThat(mda8.value()).isCloseTo(plainMda8(o3), within(1e-9));
    StatisticResult max1h = air.o3Daily1hMax(date, o3);
    assertThat(max1h.value()).isEqualTo(Arrays.stream(o3).filter(v -> !Double.isNaN(v)).max().orElseThrow());
    daily.put("O3", max1h.value());
    daily.put("O3_8H", mda8.value());

    AqiResult aqi = AqiCalculator.builtIn().daily(date, daily);
    Map<String, Integer> plainIaqi = Map.of(
        "PM2_5", plainIaqi(new double[] {0, 35, 75, 115, 150, 250, 350, 500}, daily.get("PM2_5")),
        "PM10", plainIaqi(new double[] {0, 50, 150, 250, 350, 420, 500, 600}, daily.get("PM10")),
        "SO2", plainIaqi(new double[] {0, 50, 150, 475, 800, 1600, 2100, 2620}, daily.get("SO2")),
        "NO2", plainIaqi(new double[] {0, 40, 80, 180, 280, 565, 750, 940}, daily.get("NO2")),
        "CO", plainIaqi(new double[] {0, 2, 4, 14, 24, 36, 48, 60}, daily.get("CO")),
        "O3", plainIaqi(new double[] {0, 160, 200, 300, 400, 800, 1000, 1200}, daily.get("O3")),
        "O3_8H", plainIaqi(new double[] {0, 100, 160, 215, 265, 800}, daily.get("O3_8H")));
    assertThat(aqi.iaqi()).containsExactlyInAnyOrderEntriesOf(plainIaqi);
    assertThat(aqi.aqi()).isEqualTo(plainIaqi.values().stream().max(Integer::compare).orElseThrow());
    assertThat(aqi.standard()).isEqualTo("HJ 633-2012");
  }

  /** Hour-indexed values of one day; NaN where the data set says NA. */
  private static Map<String, double[]> readDay(Path file, LocalDate date) throws IOException {
    Map<String, double[]> out = new HashMap<>();
    POLLUTANTS.forEach(p -> {
      double[] a = new double[24];
      Arrays.fill(a, Double.NaN);
      out.put(p, a);
    });
    String prefix = "," + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ",";
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      List<String> header = Arrays.stream(r.readLine().split(",")).map(s -> s.replace("\"", "")).toList();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.contains(prefix)) {
          continue;
        }
        String[] f = line.split(",");
        int hour = Integer.parseInt(f[header.indexOf("hour")]);
        for (String p : POLLUTANTS) {
          String v = f[header.indexOf(p)];
          if (!v.equals("NA")) {
            out.get(p)[hour] = Double.parseDouble(v) / (p.equals("CO") ? 1000.0 : 1.0);
          }
        }
      }
    }
    return out;
  }

  private static int plainCount(double[] h) {
    int n = 0;
    for (double v : h) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  private static double plainMean(double[] h) {
    double s = 0;
    for (double v : h) {
      if (!Double.isNaN(v)) {
        s += v;
      }
    }
    return s / plainCount(h);
  }

  private static double plainMda8(double[] h) {
    double best = Double.NEGATIVE_INFINITY;
    for (int start = 0; start + 8 <= 24; start++) {
      double[] w = Arrays.copyOfRange(h, start, start + 8);
      if (plainCount(w) >= 6) {
        best = Math.max(best, plainMean(w));
      }
    }
    return best;
  }

  /** HJ 633-2012 linear interpolation, rounded up; the tiny epsilon absorbs binary float noise. */
  private static int plainIaqi(double[] bp, double c) {
    int[] levels = {0, 50, 100, 150, 200, 300, 400, 500};
    for (int i = 1; i < bp.length; i++) {
      if (c <= bp[i]) {
        double x = (levels[i] - levels[i - 1]) / (bp[i] - bp[i - 1]) * (c - bp[i - 1]) + levels[i - 1];
        return (int) Math.ceil(x - 1e-9);
      }
    }
    return 500;
  }
}
