package org.envmon.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.FeedResult;
import org.envmon.app.runtime.Pipeline;
import org.envmon.app.runtime.ReplayFeed;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.replay.Pacing;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.StreamsSettings;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithInfluxDb;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #2 done-when: a small UCI-layout replay with gaps goes through ingest, streams and the
 * InfluxDB sink (v1 API), and InfluxDB holds the daily PM2.5 means computed by hand below.
 */
@WithKafka
@WithInfluxDb
class ReplayToInfluxIT {
  private static final String HEADER = "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\","
      + "\"CO\",\"O3\",\"TEMP\",\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"";
  /** Marks an hour whose row is absent from the file (as opposed to a row with PM2.5 = NA). */
  private static final double NO_ROW = Double.NEGATIVE_INFINITY;
  private static final double NA = Double.NaN;

  @Test
  void replayedDaysLandInInfluxWithHandComputedMeansAndValidity(TestKafka kafka, InfluxDbServer influx,
                                                                 @TempDir Path data, @TempDir Path state)
      throws Exception {
    // Dongsi: a full day, a day with exactly 20 valid hours (2 NA, 2 rows missing), a day with 19.
    double[][] dongsi = new double[3][24];
    for (int h = 0; h < 24; h++) {
      dongsi[0][h] = 10 + h;
      dongsi[1][h] = h < 20 ? 50 + h : h < 22 ? NA : NO_ROW;
      dongsi[2][h] = h < 19 ? 30 + h : NA;
    }
    // Tiantan: first three rows missing (21 hours), one NA hour (23 hours), exactly 20 hours.
    double[][] tiantan = new double[3][24];
    for (int h = 0; h < 24; h++) {
      tiantan[0][h] = h < 3 ? NO_ROW : 100 + 2 * h;
      tiantan[1][h] = h == 23 ? NA : 200 - h;
      tiantan[2][h] = h < 20 ? 70 + h % 5 : NA;
    }
    writeUciFile(data.resolve("PRSA_Data_Dongsi_20150101-20150103.csv"), "Dongsi", dongsi);
    writeUciFile(data.resolve("PRSA_Data_Tiantan_20150101-20150103.csv"), "Tiantan", tiantan);

    // By hand: mean of the valid hours; valid with at least 20 of them.
    List<Expected> expected = List.of(
        // (10 + 11 + ... + 33) / 24 = (24 * 10 + 276) / 24
        new Expected("Dongsi", "2014-12-31T16:00:00Z", 516.0 / 24, 24, true),
        // (50 + ... + 69) / 20 = (20 * 50 + 190) / 20
        new Expected("Dongsi", "2015-01-01T16:00:00Z", 1190.0 / 20, 20, true),
        // (30 + ... + 48) / 19 = (19 * 30 + 171) / 19: a value, but 19 < 20 hours, so invalid
        new Expected("Dongsi", "2015-01-02T16:00:00Z", 741.0 / 19, 19, false),
        // (106 + 108 + ... + 146) / 21 = (21 * 100 + 2 * (276 - 3)) / 21
        new Expected("Tiantan", "2014-12-31T16:00:00Z", 2646.0 / 21, 21, true),
        // (200 + 199 + ... + 178) / 23 = (24 * 200 - 276 - 177) / 23
        new Expected("Tiantan", "2015-01-01T16:00:00Z", 4347.0 / 23, 23, true),
        // 70, 71, 72, 73, 74 four times: (20 * 70 + 4 * 10) / 20
        new Expected("Tiantan", "2015-01-02T16:00:00Z", 1440.0 / 20, 20, true));

    kafka.recreateTopics(Topics.all(), 3);
    String db = E2e.uniqueDatabase("replay");
    EnvmonConfig config = E2e.config(kafka, influx, db, state);
    StationRegistry stations = StationRegistry.load(E2e.stationsFile());
    // The pipeline log and feed progress go to the test output (target/failsafe-reports/*-output.txt).
    PrintStream log = System.out;
    try (Pipeline pipeline = Pipeline.start(config, stations, StreamsSettings.builder().forTests(), log)) {
      FeedResult fed = new ReplayFeed(data, null, null, Pacing.max(), stations)
          .run(config.kafkaClientProperties(), log);
      assertThat(fed.rejected()).as("rejected readings").isZero();
      pipeline.awaitQuiescent(E2e.QUIESCENCE_TIMEOUT, lag -> { });
    }

    List<Map<String, Object>> rows = new ArrayList<>(
        influx.query(db, "SELECT * FROM daily WHERE parameter='PM2_5'"));
    rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("station"))
        .thenComparing(r -> (String) r.get("time")));
    assertThat(rows).as("daily PM2_5 points").hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Expected e = expected.get(i);
      Map<String, Object> row = rows.get(i);
      String what = e.station + " " + e.time;
      assertThat(row.get("station")).as(what).isEqualTo(e.station);
      assertThat(row.get("time")).as(what).isEqualTo(e.time);
      assertThat(row.get("district")).as(what).isEqualTo("东城");
      assertThat(row.get("medium")).as(what).isEqualTo("air");
      assertThat(((Number) row.get("value")).doubleValue()).as("value of %s", what).isCloseTo(e.value, within(1e-9));
      assertThat(((Number) row.get("hours")).intValue()).as("hours of %s", what).isEqualTo(e.hours);
      assertThat(row.get("valid")).as("valid of %s", what).isEqualTo(e.valid);
      assertThat(row.get("standard")).as("standard of %s", what).isEqualTo("GB 3095-2012");
    }
  }

  private record Expected(String station, String time, double value, int hours, boolean valid) {}

  /** One UCI-layout file of {@code days.length} days from 2015-01-01; only PM2.5 is measured. */
  private static void writeUciFile(Path file, String station, double[][] days) throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    int no = 1;
    for (int d = 0; d < days.length; d++) {
      LocalDate date = LocalDate.of(2015, 1, 1).plusDays(d);
      for (int h = 0; h < 24; h++) {
        double pm25 = days[d][h];
        if (pm25 == NO_ROW) {
          continue;
        }
        csv.append(no++).append(',').append(date.getYear()).append(',').append(date.getMonthValue()).append(',')
            .append(date.getDayOfMonth()).append(',').append(h).append(',')
            .append(Double.isNaN(pm25) ? "NA" : Long.toString((long) pm25))
            .append(",NA,NA,NA,NA,NA,-5.0,1020.0,-18.0,0.0,NW,2.1,").append(station).append('\n');
      }
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }
}
