package org.envmon.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.streams.AirDriver.STATION;
import static org.envmon.streams.AirDriver.beijing;
import static org.envmon.streams.AirDriver.hourlyReading;
import static org.envmon.streams.AirDriver.minuteReading;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record cache in front of every store (what the application runs with) changes when state
 * reaches RocksDB and the changelog, never what is emitted: the same readings give the same
 * outputs, in the same order, with the cache on and off.
 */
class CachedStoresTest {
  private static final String[] AIR = {"PM2_5", "PM10", "SO2", "NO2", "CO", "O3"};

  @TempDir
  Path dir;

  /** Three days of hourly air data with gaps and late revisions, one hour of minute data, end of input. */
  private static List<Reading> readings(long seed) {
    Random random = new Random(seed);
    List<Reading> out = new ArrayList<>();
    LocalDate first = LocalDate.of(2015, 1, 1);
    for (int h = 0; h < 72; h++) {
      LocalDate date = first.plusDays(h / 24);
      for (String p : AIR) {
        if (random.nextInt(10) == 0) {
          continue; // a gap
        }
        double value = p.equals("CO") ? 0.5 + random.nextDouble() * 3 : 10 + random.nextDouble() * 250;
        out.add(hourlyReading(STATION, p, beijing(date, h % 24, 0), value, p.equals("CO") ? "mg/m3" : "ug/m3"));
      }
      if (h > 5 && random.nextInt(6) == 0) { // a late revision of an hour a few hours back
        int back = h - 1 - random.nextInt(5);
        out.add(hourlyReading(STATION, "PM2_5", beijing(first.plusDays(back / 24), back % 24, 0),
            30 + random.nextDouble() * 100, "ug/m3"));
      }
    }
    for (int m = 0; m < 60; m++) {
      out.add(minuteReading("Tiantan", "PM10", beijing(first.plusDays(3), 1, m), 80 + random.nextInt(40)));
    }
    return out;
  }

  private static List<String> run(Path stateDir, long cacheBytes, List<Reading> readings) {
    StreamsSettings settings = StreamsSettings.builder().forTests().cacheMaxBytes(cacheBytes).build();
    try (AirDriver d = new AirDriver(settings, stateDir)) {
      d.stations.pipeInput("Tiantan", AirDriver.station("Tiantan", 60));
      readings.forEach(d::pipe);
      d.endOfInput(beijing(LocalDate.of(2015, 1, 5), 0, 0));
      List<String> out = new ArrayList<>();
      d.hourly.readRecordsToList().forEach(r -> out.add("hourly " + r.key() + " " + r.value()));
      d.aggregates.readRecordsToList().forEach(r -> out.add("aggregate " + r.key() + " " + r.value()));
      d.aqi.readRecordsToList().forEach(r -> out.add("aqi " + r.key() + " " + r.value()));
      d.alerts.readRecordsToList().forEach(r -> out.add("alert " + r.key() + " " + r.value()));
      return out;
    }
  }

  @Test
  void theCacheChangesNothingThatIsEmitted() {
    for (long seed = 1; seed <= 3; seed++) {
      List<Reading> readings = readings(seed);
      List<String> uncached = run(dir.resolve("off-" + seed), 0, readings);
      List<String> cached = run(dir.resolve("on-" + seed), 10L * 1024 * 1024, readings);
      assertThat(uncached).as("seed %d produced output", seed).hasSizeGreaterThan(400);
      assertThat(cached).as("seed %d", seed).containsExactlyElementsOf(uncached);
    }
  }
}
