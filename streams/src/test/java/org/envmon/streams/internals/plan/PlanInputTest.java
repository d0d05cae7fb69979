package org.envmon.streams.internals.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.envmon.schemas.Aggregate;
import org.envmon.streams.internals.DayBatch;
import org.envmon.streams.internals.alerts.EvaluationHarness;
import org.junit.jupiter.api.Test;

class PlanInputTest {
  private static final LocalDate D = LocalDate.of(2015, 1, 1);

  private static Aggregate daily(String parameter, String statistic, double value, boolean valid) {
    Aggregate a = EvaluationHarness.daily("Dongsi", "东城", parameter, D.toString(), value, 0);
    a.setStatistic(statistic);
    a.setValid(valid);
    return a;
  }

  @Test
  void aStationDayBecomesOneInputPerScopeWithItsValidAqiInputs() {
    List<Aggregate> aggregates = List.of(daily("PM2_5", "DAILY_MEAN", 40, true), daily("NO2", "DAILY_MEAN", 60, false),
        daily("O3", "O3_1H_MAX", 150, true), daily("O3", "O3_MDA8", 120, true), daily("PM2_5", "ROLLING_24H", 1, true));
    DayBatch day = new DayBatch("Dongsi", aggregates.get(0).getPeriodStart().toEpochMilli(), "东城", 0, aggregates);

    assertThat(PlanInput.of(day)).containsExactly(
        new PlanInput("东城", "Dongsi", D, Map.of("PM2_5", 40.0, "O3", 150.0, "O3_8H", 120.0)),
        new PlanInput(PlanInput.CITY, "Dongsi", D, Map.of("PM2_5", 40.0, "O3", 150.0, "O3_8H", 120.0)));
    assertThat(PlanInput.of(new DayBatch("X", day.dayStart(), "", 0, aggregates))).as("no district").isEmpty();
  }

  @Test
  void anEndMarkerBecomesTheStationsEndOfInputForEachScope() {
    assertThat(PlanInput.of(DayBatch.endMarker("Dongsi", "东城"))).extracting(PlanInput::scope, PlanInput::endOfInput)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("东城", true), org.assertj.core.groups.Tuple.tuple("city", true));
  }

  @Test
  void serdeRoundTrip() {
    for (PlanInput in : List.of(new PlanInput("东城", "Dongsi", D, Map.of("PM2_5", 40.5, "CO", 1.2)),
        PlanInput.endOfInput("city", "Dongsi"))) {
      byte[] bytes = PlanInput.serde().serializer().serialize("t", in);
      assertThat(PlanInput.serde().deserializer().deserialize("t", bytes)).isEqualTo(in);
    }
  }
}
