package org.envmon.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.FeedResult;
import org.envmon.app.runtime.Pipeline;
import org.envmon.app.runtime.ReplayFeed;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.replay.Pacing;
import org.envmon.schemas.Alert;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.StreamsSettings;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithInfluxDb;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.envmon.testkit.RepositoryFiles;

/**
 * Issue #4 done-when: one month of the real UCI Beijing Multi-Site data (all 12 stations, January
 * 2015) through the whole pipeline into InfluxDB, checked for every station and day against the
 * test's own reading of the files ({@link UciHours}) and its own arithmetic ({@link HandDaily},
 * {@link Pm25Episodes}): PM2.5 and PM10 daily means and validity, the daily AQI, and the PM2.5
 * 24-h limit alert episodes on envmon.alerts.
 */
@WithKafka
@WithInfluxDb
class BeijingMonthIT {
  private static final LocalDate FROM = LocalDate.of(2015, 1, 1);
  private static final LocalDate TO = LocalDate.of(2015, 1, 31);
  private static final double TOLERANCE = 1e-9;
  private static Path data;

  @BeforeAll
  static void findData() {
    data = RepositoryFiles.root().resolveSibling("shared/data/beijing-multisite");
    Assumptions.assumeTrue(Files.isDirectory(data), "skipped: the UCI Beijing Multi-Site data is not at " + data
        + " (../shared/data/beijing-multisite relative to the repository root); put the PRSA_Data_*.csv.gz files there");
  }

  @Test
  void januaryOf2015MatchesHandComputedDailyMeansAqiAndAlerts(TestKafka kafka, InfluxDbServer influx,
                                                               @TempDir Path state) throws Exception {
    UciHours hours = UciHours.read(data, FROM, TO);
    assertThat(hours.stations()).as("stations in the data").hasSize(12);

    kafka.recreateTopics(Topics.all(), 3);
    String db = E2e.uniqueDatabase("month");
    EnvmonConfig config = E2e.config(kafka, influx, db, state);
    StationRegistry stations = StationRegistry.load(E2e.stationsFile());
    // The pipeline log and feed progress go to the test output (target/failsafe-reports/*-output.txt).
    PrintStream log = System.out;
    try (Pipeline pipeline = Pipeline.start(config, stations, StreamsSettings.builder().forTests(), log)) {
      FeedResult fed = new ReplayFeed(data, FROM, TO, Pacing.max(), stations).run(config.kafkaClientProperties(), log);
      assertThat(fed.sent()).as("readings sent").isGreaterThan(12 * 31 * 24 * 5L);
      pipeline.awaitQuiescent(E2e.QUIESCENCE_TIMEOUT, lag -> { });
    }

    Map<String, Map<String, Object>> pm25 = byStationAndTime(influx.query(db,
        "SELECT * FROM daily WHERE parameter='PM2_5'"));
    Map<String, Map<String, Object>> pm10 = byStationAndTime(influx.query(db,
        "SELECT * FROM daily WHERE parameter='PM10'"));
    Map<String, Map<String, Object>> aqi = byStationAndTime(influx.query(db,
        "SELECT * FROM aqi WHERE period='day'"));
    List<String> mismatches = new ArrayList<>();
    Map<String, List<String>> expectedAlerts = new TreeMap<>();
    int checkedDays = 0;
    for (String station : hours.stations()) {
      Map<LocalDate, HandDaily.Stat> pm25Days = new TreeMap<>();
      for (LocalDate date = FROM; !date.isAfter(TO); date = date.plusDays(1)) {
        String key = station + " " + E2e.beijingDayStart(date);
        Map<String, HandDaily.Stat> means = new HashMap<>();
        for (String p : List.of("PM2_5", "PM10", "SO2", "NO2", "CO")) {
          means.put(p, HandDaily.mean(hours.day(station, p, date)));
        }
        double[] o3 = hours.day(station, "O3", date);
        Integer expectedAqi = HandDaily.dailyAqi(means, HandDaily.o3OneHourMax(o3), HandDaily.mda8(o3));
        pm25Days.put(date, means.get("PM2_5"));
        compareDaily(mismatches, "PM2_5 " + key, means.get("PM2_5"), pm25.get(key));
        compareDaily(mismatches, "PM10 " + key, means.get("PM10"), pm10.get(key));
        compareAqi(mismatches, "AQI " + key, expectedAqi, aqi.get(key));
        checkedDays++;
      }
      expectedAlerts.put(station, Pm25Episodes.transitions(station, pm25Days));
    }
    assertThat(checkedDays).isEqualTo(12 * 31);
    assertThat(mismatches).as("station-days where InfluxDB differs from the hand computation").isEmpty();

    List<ConsumerRecord<String, Alert>> alerts = E2e.readAll(kafka, Topics.ALERTS, Duration.ofSeconds(60));
    Map<String, List<String>> actualAlerts = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (ConsumerRecord<String, Alert> r : alerts) {
      Alert a = r.value();
      if (!a.getRuleId().equals(Pm25Episodes.RULE)) {
        continue;
      }
      String transition = a.getAlertId() + " " + a.getState() + " " + a.getSeverity().toLowerCase(Locale.ROOT)
          + " " + a.getPeriodStart();
      if (!seen.add(transition)) {
        duplicates.add(transition);
      }
      actualAlerts.computeIfAbsent(a.getStationId(), s -> new ArrayList<>()).add(transition);
    }
    assertThat(duplicates).as("alert transitions emitted twice").isEmpty();
    // Alerts are keyed by alert id, so one station's episodes spread over partitions: order by period.
    actualAlerts.values().forEach(list -> list.sort(Comparator.comparing(t -> t.substring(t.lastIndexOf(' ')))));
    expectedAlerts.values().removeIf(List::isEmpty);
    assertThat(expectedAlerts).as("the month has PM2.5 episodes to check").isNotEmpty();
    assertThat(actualAlerts).as("PM2.5 24-h limit transitions per station").isEqualTo(expectedAlerts);

    // The sink stored each transition as its own point (state and severity are tags).
    Map<String, Integer> stored = new TreeMap<>();
    for (Map<String, Object> row : influx.query(db, "SELECT count(\"alert_id\") FROM \"alerts\" WHERE \"rule\" = '"
        + Pm25Episodes.RULE + "' GROUP BY \"station\"")) {
      stored.put((String) row.get("station"), ((Number) row.get("count")).intValue());
    }
    Map<String, Integer> expectedCounts = new TreeMap<>();
    expectedAlerts.forEach((station, list) -> expectedCounts.put(station, list.size()));
    assertThat(stored).as("PM2.5 24-h limit alert points per station in InfluxDB").isEqualTo(expectedCounts);
  }

  private static void compareDaily(List<String> mismatches, String what, HandDaily.Stat expected,
                                   Map<String, Object> row) {
    if (expected.count() == 0) {
      // No hour at all: either no point or a visibly invalid one without a value.
      if (row != null && (row.get("value") != null || !Boolean.FALSE.equals(row.get("valid")))) {
        mismatches.add(what + ": expected no value, got " + row);
      }
      return;
    }
    if (row == null) {
      mismatches.add(what + ": no point, expected " + expected);
      return;
    }
    Object value = row.get("value");
    boolean same = value instanceof Number n && Math.abs(n.doubleValue() - expected.value()) <= TOLERANCE
        && row.get("hours") instanceof Number h && h.intValue() == expected.count()
        && Boolean.valueOf(expected.valid()).equals(row.get("valid"));
    if (!same) {
      mismatches.add(what + ": expected " + expected + ", got value=" + value + " hours=" + row.get("hours")
          + " valid=" + row.get("valid"));
    }
  }

  private static void compareAqi(List<String> mismatches, String what, Integer expected, Map<String, Object> row) {
    Object actual = row == null ? null : row.get("aqi");
    boolean same = expected == null ? actual == null
        : actual instanceof Number n && n.intValue() == expected && n.doubleValue() == n.intValue();
    if (!same) {
      mismatches.add(what + ": expected " + expected + ", got " + (row == null ? "no point" : row));
    }
  }

  /** Rows keyed {@code "<station> <time>"}. */
  private static Map<String, Map<String, Object>> byStationAndTime(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byKey = new HashMap<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> previous = byKey.put(row.get("station") + " " + row.get("time"), row);
      assertThat(previous).as("one point per station and time: %s", row).isNull();
    }
    return byKey;
  }
}
