package org.envmon.streams.internals.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.EvaluationHarness;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocTopologyTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  @TempDir
  Path dir;
  private EvaluationHarness harness;

  @BeforeEach
  void start() {
    EvaluationSettings settings = EvaluationSettings.builder(Catalog.builtIn())
        .hotSpot(new HotSpotPolicy(3.0, 168, 24)).build();
    harness = new EvaluationHarness(dir, (builder, inputs) -> VocTopology.addTo(inputs, settings));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private void pipe(int hour, double value) {
    Instant start = T0.plus(Duration.ofHours(hour));
    harness.hourly.pipeInput("Yizhuang|NMHC",
        EvaluationHarness.hour("Yizhuang", "经开区", Medium.VOC, "NMHC", start, value, "mg/m3"), start);
  }

  @Test
  void valueAboveKTimesTheRollingMedianIsAHotSpot() {
    for (int h = 0; h < 24; h++) {
      pipe(h, h % 2 == 0 ? 1.0 : 2.0); // median 1.5 once 24 values exist
    }
    assertThat(harness.alerts.isEmpty()).as("nothing is judged before the baseline has 24 values").isTrue();
    pipe(24, 5.0);
    pipe(25, 3.0); // the baseline now holds hours 1..24: median 2.0, clear level 0.9 x 6.0
    List<Alert> out = harness.alerts.readValuesToList();
    assertThat(out).extracting(Alert::getState, Alert::getObserved, Alert::getAlertId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AlertState.OPEN, 5.0, "Yizhuang|envmon.voc-hot-spot.NMHC|2026-04-02T00:00:00Z"),
        org.assertj.core.groups.Tuple.tuple(AlertState.CLEARED, 3.0, "Yizhuang|envmon.voc-hot-spot.NMHC|2026-04-02T00:00:00Z"));
    assertThat(out.get(0).getThreshold()).isEqualTo(4.5);
    assertThat(out.get(1).getThreshold()).isCloseTo(5.4, within(1e-9));
    assertThat(out.get(0).getMessage()).contains("k = 3.0 x baseline median 1.5 mg/m3");
  }

  @Test
  void medianOfTheBaselineExcludesTheJudgedHourAndOldHours() {
    HourlyBaseline b = HourlyBaseline.empty(24);
    for (int h = 0; h < 30; h++) {
      b = b.with(h, h);
    }
    assertThat(b.before(30)).hasSize(24).doesNotContain(5.0, 30.0);
    assertThat(HourlyBaseline.median(b.before(30), 24)).hasValue(17.5);
    assertThat(HourlyBaseline.median(b.before(30), 25)).isEmpty();
  }
}
