package org.envmon.streams.internals.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.EvaluationHarness;
import org.envmon.streams.internals.alerts.StationKeyedInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTopologyTest {
  private static final String MIYUN = "密云";

  @TempDir
  Path dir;
  private EvaluationHarness harness;

  private void start(Integer asYear) {
    start(asYear, 0);
  }

  private void start(Integer asYear, int graceDays) {
    EvaluationSettings settings = EvaluationSettings.builder(Catalog.builtIn()).asYear(asYear)
        .planGraceDays(graceDays).build();
    harness = new EvaluationHarness(dir, (builder, inputs) -> PlanTopology.addTo(StationKeyedInputs.dayBatches(inputs), settings));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private void pm25(String station, String date, double value) {
    Aggregate a = EvaluationHarness.daily(station, MIYUN, "PM2_5", date, value, 0);
    harness.aggregatesIn.pipeInput(station + "|PM2_5|DAILY_MEAN", a);
  }

  /** Registers air stations of Miyun: a district day waits for all of them. */
  private void register(String... ids) {
    for (String id : ids) {
      harness.stations.pipeInput(id, EvaluationHarness.station(id, MIYUN, Medium.AIR).build());
    }
  }

  private static Instant day(String date) {
    return Instant.parse(date + "T00:00:00+08:00");
  }

  @Test
  void aDayWaitsForTheSlowestStationOfTheDistrictUpToTheGrace() {
    start(2026, 7);
    register("M1", "M2");
    pm25("M1", "2015-01-01", 10);
    pm25("M1", "2015-01-02", 20);
    pm25("M1", "2015-01-03", 30); // M1 runs ahead (its partition is faster): nothing closes yet
    pm25("M2", "2015-01-01", 50); // M2's value for day 1 still counts
    assertThat(harness.planProgress.readValuesToList()).isEmpty();
    pm25("M2", "2015-01-02", 40); // both stations are past day 1: day 1 closes with (10 + 50) / 2

    List<PlanProgress> progress = harness.planProgress.readValuesToList();
    assertThat(progress).filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("pm25_annual"))
        .extracting(PlanProgress::getAsOf, PlanProgress::getActual, PlanProgress::getDays)
        .containsExactly(tuple(day("2015-01-01"), 30.0, 1));
  }

  @Test
  void aSilentStationHoldsADayOpenNoLongerThanTheGrace() {
    start(2026, 2);
    register("M1", "M2");
    pm25("M1", "2015-01-01", 10);
    pm25("M2", "2015-01-01", 30);
    harness.driver().advanceWallClockTime(Duration.ofHours(3)); // M2 delivers nothing more: silent after 2 h
    pm25("M1", "2015-01-02", 10);
    pm25("M1", "2015-01-03", 10);
    assertThat(harness.planProgress.readValuesToList()).isEmpty();
    pm25("M1", "2015-01-04", 10); // M2 silent since day 1; day 4 is more than 2 days past day 1

    assertThat(harness.planProgress.readValuesToList())
        .filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("pm25_annual"))
        .extracting(PlanProgress::getAsOf, PlanProgress::getActual)
        .containsExactly(tuple(day("2015-01-01"), 20.0));
  }

  @Test
  void districtGoesOffTrackAndBackOnTrackJudgedByTheReDatedYear() {
    start(2026);
    pm25("M1", "2015-01-01", 10);
    pm25("M2", "2015-01-01", 30); // district day 1: mean 20
    harness.driver().advanceWallClockTime(Duration.ofHours(3)); // M2 reports no more: silent, no grace
    pm25("M1", "2015-01-02", 40); // closes day 1
    pm25("M1", "2015-01-03", 5);  // closes day 2: YTD (20 + 40) / 2 = 30 > 26
    pm25("M1", "2015-01-04", 5);  // closes day 3: YTD 65 / 3 = 21.7

    List<PlanProgress> progress = harness.planProgress.readValuesToList();
    assertThat(progress).filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("pm25_annual"))
        .extracting(PlanProgress::getAsOf, PlanProgress::getActual, PlanProgress::getTargetValue,
            PlanProgress::getOnTrack, PlanProgress::getDays, PlanProgress::getYear, PlanProgress::getRedatedFrom)
        .containsExactly(
            tuple(day("2015-01-01"), 20.0, 26.0, true, 1, 2026, 2015),
            tuple(day("2015-01-02"), 30.0, 26.0, false, 2, 2026, 2015),
            tuple(day("2015-01-03"), 65.0 / 3, 26.0, true, 3, 2026, 2015));
    assertThat(progress).filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("good_day_ratio"))
        .extracting(PlanProgress::getActual, PlanProgress::getTargetValue, PlanProgress::getOnTrack)
        .containsExactly(tuple(1.0, 0.8, true), tuple(1.0, 0.8, true), tuple(1.0, 0.8, true));
    assertThat(progress).filteredOn(p -> p.getScope().equals("city"))
        .extracting(PlanProgress::getTarget, PlanProgress::getActual, PlanProgress::getTargetValue)
        .containsExactly(tuple("pm25_annual", 20.0, 29.0), tuple("pm25_annual", 30.0, 29.0),
            tuple("pm25_annual", 65.0 / 3, 29.0));

    List<Alert> alerts = harness.alerts.readValuesToList();
    assertThat(alerts).extracting(Alert::getStationId, Alert::getState, Alert::getRuleId, Alert::getObserved,
        Alert::getThreshold).containsExactly(
        tuple(MIYUN, AlertState.OPEN, "plan.pm25_annual.2026", 30.0, 26.0),
        tuple("city", AlertState.OPEN, "plan.pm25_annual.2026", 30.0, 29.0),
        tuple(MIYUN, AlertState.CLEARED, "plan.pm25_annual.2026", 65.0 / 3, 26.0),
        tuple("city", AlertState.CLEARED, "plan.pm25_annual.2026", 65.0 / 3, 29.0));
    assertThat(alerts.get(0).getMessage()).contains("Data of 2015 judged by the 2026 target (re-dated).")
        .contains("plan 002 annex 4");
  }

  @Test
  void aStationsDailyValueArrivingWithinTheGraceStillCounts() {
    start(2026, 1);
    register("M1", "M2");
    pm25("M1", "2015-01-01", 10);
    pm25("M1", "2015-01-02", 20);
    pm25("M2", "2015-01-01", 30); // late, but day 1 is still open
    assertThat(harness.planProgress.isEmpty()).isTrue();
    harness.driver().advanceWallClockTime(Duration.ofHours(3)); // then M2 falls silent
    pm25("M1", "2015-01-03", 20); // closes day 1 only
    assertThat(harness.planProgress.readValuesToList())
        .filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("pm25_annual"))
        .extracting(PlanProgress::getAsOf, PlanProgress::getActual).containsExactly(tuple(day("2015-01-01"), 20.0));
  }

  @Test
  void withoutReDatingA2015ReplayHasNo2015TargetsToBeJudgedBy() {
    start(null);
    pm25("M1", "2015-01-01", 100);
    pm25("M1", "2015-01-02", 100);
    assertThat(harness.planProgress.isEmpty()).isTrue();
    assertThat(harness.alerts.isEmpty()).isTrue();
  }

  @Test
  void heavyPollutionRunMapsToTheWarningLevelsOfTheCatalog() {
    start(2026);
    // 2016 data: the 2016-2018 rules are in force (blue: 1 day > 200, yellow: 2 days > 200).
    pm25("M1", "2016-12-01", 200); // IAQI 300 (heavy)
    pm25("M1", "2016-12-02", 180); // IAQI 260 (heavy)
    pm25("M1", "2016-12-03", 50);  // good
    pm25("M1", "2016-12-04", 50);
    List<Alert> levels = harness.alerts.readValuesToList().stream()
        .filter(a -> a.getRuleId().equals(PlanAlertProcessor.WARNING_RULE_ID) && a.getStationId().equals(MIYUN)).toList();
    assertThat(levels).extracting(Alert::getState, Alert::getSeverity, Alert::getObserved).containsExactly(
        tuple(AlertState.OPEN, "info", 1.0),
        tuple(AlertState.ESCALATED, "warning", 2.0),
        tuple(AlertState.CLEARED, "warning", 0.0));
    assertThat(levels.get(1).getMessage()).contains("Warning level yellow by BJ-WARN-2016.YELLOW (UNCONFIRMED)");
    assertThat(harness.planProgress.readValuesToList())
        .filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("heavy_days"))
        .extracting(PlanProgress::getActual).containsExactly(1.0, 2.0, 2.0);
  }

  @Test
  void aStationThatStillDeliversHoldsItsDaysHoweverFarBehindItRuns() {
    start(2026, 2);
    register("M1", "M2");
    for (int d = 1; d <= 20; d++) {
      pm25("M1", String.format("2015-01-%02d", d), 10); // M1's partition races 20 days ahead
    }
    pm25("M2", "2015-01-01", 30);
    assertThat(harness.planProgress.readValuesToList()).as("M2 delivers: no day closes without it").isEmpty();
    pm25("M2", "2015-01-02", 50);

    assertThat(harness.planProgress.readValuesToList())
        .filteredOn(p -> p.getScope().equals(MIYUN) && p.getTarget().equals("pm25_annual"))
        .extracting(PlanProgress::getAsOf, PlanProgress::getActual).containsExactly(tuple(day("2015-01-01"), 20.0));
  }
}
