package org.envmon.streams.internals.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.AlertsTopology;
import org.envmon.streams.internals.alerts.EvaluationHarness;
import org.envmon.streams.internals.alerts.StationKeyedInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseTopologyTest {
  /** 2015-06-01 22:00 Beijing. */
  private static final Instant NIGHT_START = Instant.parse("2015-06-01T14:00:00Z");

  @TempDir
  Path dir;
  private EvaluationHarness harness;

  @BeforeEach
  void start() {
    EvaluationSettings settings = EvaluationSettings.builder(Catalog.builtIn()).build();
    harness = new EvaluationHarness(dir, (builder, inputs) -> {
      NoiseTopology.addTo(StationKeyedInputs.hourBatches(inputs), settings);
      AlertsTopology.addTo(inputs, settings);
    });
    harness.stations.pipeInput("N1", EvaluationHarness.station("N1", "海淀", Medium.NOISE).setNoiseZone("1").build());
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private void pipe(String parameter, Instant hour, double level) {
    harness.hourly.pipeInput("N1|" + parameter,
        EvaluationHarness.hour("N1", "海淀", Medium.NOISE, parameter, hour, level, "dB(A)"), hour);
  }

  @Test
  void nightLeqIsAnEnergyMeanAndNightLmaxAboveLimitPlus15RaisesAnAlert() {
    double[] leq = {44, 44, 44, 50, 44, 44, 44, 44};
    double[] lmax = {52, 55, 62, 58, 50, 49, 48, 47};
    for (int i = 0; i < 8; i++) {
      Instant hour = NIGHT_START.plus(Duration.ofHours(i));
      pipe("LEQ", hour, leq[i]);
      pipe("LMAX", hour, lmax[i]);
    }
    List<Aggregate> aggregates = harness.aggregatesOut.readValuesToList();
    assertThat(aggregates).extracting(Aggregate::getStatistic).containsExactly("LEQ_NIGHT", "LMAX_NIGHT");
    double energyMean = 10 * Math.log10((7 * Math.pow(10, 4.4) + Math.pow(10, 5.0)) / 8);
    Aggregate night = aggregates.get(0);
    assertThat(night.getValue()).isCloseTo(energyMean, within(1e-9));
    assertThat(night.getParameter()).isEqualTo("LEQ");
    assertThat(night.getPeriodStart()).isEqualTo(NIGHT_START);
    assertThat(night.getPeriodEnd()).isEqualTo(NIGHT_START.plus(Duration.ofHours(8)));
    assertThat(night.getCount()).isEqualTo(8);
    assertThat(night.getRequired()).isEqualTo(6);
    assertThat(night.getValid()).isTrue();
    assertThat(aggregates.get(1).getValue()).isEqualTo(62.0);

    List<Alert> alerts = harness.alerts.readValuesToList();
    assertThat(alerts).extracting(Alert::getRuleId, Alert::getState, Alert::getObserved, Alert::getThreshold)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GB3096-2008.LEQ.LEQ_NIGHT.1", AlertState.OPEN, energyMean, 45.0),
            org.assertj.core.groups.Tuple.tuple("GB3096-2008.LMAX.LMAX_NIGHT.1", AlertState.OPEN, 62.0, 60.0));
  }

  @Test
  void dayPeriodClosesWhenTheNightBeginsAndIsInvalidWithTooFewHours() {
    Instant dayStart = Instant.parse("2015-06-01T22:00:00Z"); // 2015-06-02 06:00 Beijing
    for (int i = 0; i < 10; i++) {
      pipe("LA", dayStart.plus(Duration.ofHours(i)), 50);
    }
    assertThat(harness.aggregatesOut.isEmpty()).isTrue();
    pipe("LA", dayStart.plus(Duration.ofHours(16)), 40); // first night hour
    Aggregate day = harness.aggregatesOut.readValue();
    assertThat(day.getStatistic()).isEqualTo("LEQ_DAY");
    assertThat(day.getValue()).isCloseTo(50.0, within(1e-9));
    assertThat(day.getCount()).isEqualTo(10);
    assertThat(day.getRequired()).isEqualTo(12);
    assertThat(day.getValid()).isFalse();
    assertThat(harness.alerts.isEmpty()).isTrue();
  }

  @Test
  void aLateHourOfTheClosedPeriodReEmitsItWithTheNextRevision() {
    Instant dayStart = Instant.parse("2015-06-01T22:00:00Z"); // 2015-06-02 06:00 Beijing
    for (int i = 1; i < 16; i++) {
      pipe("LEQ", dayStart.plus(Duration.ofHours(i)), 50);
    }
    pipe("LEQ", dayStart.plus(Duration.ofHours(16)), 40); // the night begins: the day closes with 15 hours
    pipe("LEQ", dayStart, 60);                            // the missing 06:00 hour, late
    pipe("LEQ", dayStart, 60);                            // the same value again changes nothing
    List<Aggregate> out = harness.aggregatesOut.readValuesToList();
    double withLate = 10 * Math.log10((15 * Math.pow(10, 5.0) + Math.pow(10, 6.0)) / 16);
    assertThat(out).extracting(Aggregate::getStatistic, Aggregate::getRevision, Aggregate::getCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("LEQ_DAY", 0, 15),
            org.assertj.core.groups.Tuple.tuple("LEQ_DAY", 1, 16));
    assertThat(out.get(0).getValue()).isCloseTo(50.0, within(1e-9));
    assertThat(out.get(1).getValue()).isCloseTo(withLate, within(1e-9));
  }
}
