package org.envmon.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.envmon.streams.AirDriver.STATION;
import static org.envmon.streams.AirDriver.beijing;
import static org.envmon.streams.AirDriver.hourlyReading;

import java.nio.file.Path;
import java.time.LocalDate;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.envmon.streams.internals.health.StationHealthProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages the core runs on its station-keyed streams, driven through the whole topology from
 * readings: station health on a station's own hours, and end of input closing the last noise,
 * water and plan periods; and the hourly AQI's SO2 rule that reads the rolling SO2 mean.
 */
class StationStagesTest {
  private static final LocalDate DAY = LocalDate.of(2014, 3, 1);

  @TempDir
  Path stateDir;

  private static Reading reading(String station, Medium medium, String parameter, LocalDate date, int hour,
                                 double value, String unit) {
    Reading r = hourlyReading(station, parameter, beijing(date, hour, 0), value, unit);
    r.setMedium(medium);
    return r;
  }

  @Test
  void stationHealthCountsTheStationsHoursAsItsHourlyStageClosesThem() {
    try (AirDriver d = new AirDriver(stateDir)) {
      for (int hour : new int[] {0, 5, 6, 7, 8, 9}) {
        d.pipe(reading(STATION, Medium.AIR, "PM2_5", DAY, hour, 40, "ug/m3"));
        d.pipe(reading(STATION, Medium.AIR, "PM10", DAY, hour, 60, "ug/m3"));
      }
      String id = STATION + "|" + StationHealthProcessor.RULE_ID + "|" + beijing(DAY, 0, 0);
      // hour 5 closed (when hour 6 arrived): 2 of the 6 hours 0..5 have data
      assertThat(d.alerts.readValuesToList()).extracting(Alert::getAlertId, a -> a.getState().name(), Alert::getObserved)
          .containsExactly(tuple(id, "OPEN", 2.0 / 6));
      d.pipe(reading(STATION, Medium.AIR, "PM2_5", DAY, 10, 40, "ug/m3"));
      // hour 9 closed: hours 5..9 of 4..9 have data
      assertThat(d.alerts.readValuesToList()).extracting(Alert::getAlertId, a -> a.getState().name(), Alert::getObserved)
          .containsExactly(tuple(id, "CLEARED", 5.0 / 6));
    }
  }

  @Test
  void endOfInputClosesTheLastNoisePeriod() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.stations.pipeInput("N1", Station.newBuilder(AirDriver.station("N1", 3600)).setMedium(Medium.NOISE).setNoiseZone("1")
          .build());
      d.pipe(reading("N1", Medium.NOISE, "LEQ", DAY, 22, 50, "dB(A)"));
      d.pipe(reading("N1", Medium.NOISE, "LEQ", DAY, 23, 50, "dB(A)"));
      d.pipe(reading("N1", Medium.NOISE, "LEQ", DAY.plusDays(1), 0, 50, "dB(A)"));
      assertThat(d.aggregates("LEQ", "LEQ_NIGHT")).isEmpty();

      d.endOfInput(beijing(DAY.plusDays(1), 1, 0));

      assertThat(d.aggregates("LEQ", "LEQ_NIGHT"))
          .extracting(Aggregate::getPeriodStart, Aggregate::getValue, Aggregate::getCount, Aggregate::getValid)
          .containsExactly(tuple(beijing(DAY, 22, 0), 50.0, 3, false));
    }
  }

  @Test
  void endOfInputClassifiesTheLastWaterPeriod() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.stations.pipeInput("W1", Station.newBuilder(AirDriver.station("W1", 4 * 3600)).setMedium(Medium.WATER)
          .setWaterBodyType("RIVER").setWaterTargetClass(3).build());
      for (int hour = 0; hour < 24; hour += 4) {
        Reading sample = reading("W1", Medium.WATER, "NH3N", DAY, hour, 0.4, "mg/L");
        sample.setPeriodSeconds(4 * 3600);
        d.pipe(sample);
      }
      assertThat(d.aggregates("SECTION", "WATER_CLASS")).isEmpty();

      d.endOfInput(beijing(DAY.plusDays(1), 0, 0));

      // GB 3838-2002 Table 1: NH3-N 0.4 mg/L is within Class II (<= 0.5)
      assertThat(d.aggregates.readValuesToList()).filteredOn(a -> a.getStatistic().equals("WATER_CLASS"))
          .extracting(Aggregate::getParameter, Aggregate::getValue, Aggregate::getCount)
          .containsExactlyInAnyOrder(tuple("NH3N", 2.0, 6), tuple("SECTION", 2.0, 1)); // SECTION counts indicators
    }
  }

  @Test
  void endOfInputClosesThePlanDaysOfTheLastDay() {
    EvaluationSettings evaluation = EvaluationSettings.builder(Catalog.builtIn()).asYear(2026).build();
    StreamsSettings settings = StreamsSettings.builder().forTests().evaluation(evaluation).build();
    try (AirDriver d = new AirDriver(settings, stateDir)) {
      for (int hour = 0; hour < 24; hour++) {
        d.pipe(reading(STATION, Medium.AIR, "PM2_5", DAY, hour, 40, "ug/m3"));
      }
      assertThat(d.planProgress.readValuesToList()).isEmpty();

      d.endOfInput(beijing(DAY.plusDays(1), 0, 0));

      assertThat(d.planProgress.readValuesToList())
          .filteredOn(p -> p.getTarget().equals("pm25_annual"))
          .extracting(PlanProgress::getScope, PlanProgress::getAsOf, PlanProgress::getActual, PlanProgress::getDays)
          .containsExactlyInAnyOrder(tuple("东城", beijing(DAY, 0, 0), 40.0, 1), tuple("city", beijing(DAY, 0, 0), 40.0, 1));
    }
  }

  @Test
  void anSo2HourAbove800IsScoredByTheSo2DayMeanUnderHj633Of2012() {
    try (AirDriver d = new AirDriver(stateDir)) {
      for (int hour = 0; hour < 23; hour++) {
        d.pipe(reading(STATION, Medium.AIR, "SO2", DAY, hour, 100, "ug/m3"));
      }
      d.pipe(reading(STATION, Medium.AIR, "SO2", DAY, 23, 900, "ug/m3"));
      d.endOfInput(beijing(DAY.plusDays(1), 0, 0));

      AqiRecord last = d.aqi.readValuesToList().stream().filter(a -> a.getPeriod().equals("HOUR"))
          .reduce((a, b) -> b).orElseThrow();
      assertThat(last.getPeriodStart()).isEqualTo(beijing(DAY, 23, 0));
      // 24-h mean (23 x 100 + 900) / 24 = 133.3; IAQI = 50 + (133.3 - 50) x 50 / 100 = 91.7, rounded up
      assertThat(last.getIaqi()).containsEntry("SO2", 92);
      assertThat(last.getStandard()).isEqualTo("HJ 633-2012");
    }
  }

  @Test
  void anSo2HourAbove800WithoutAValidDayMeanCountsAsMissing() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(reading(STATION, Medium.AIR, "SO2", DAY, 0, 900, "ug/m3"));
      d.endOfInput(beijing(DAY, 1, 0));

      AqiRecord hour = d.aqi.readValue();
      assertThat(hour.getIaqi()).doesNotContainKey("SO2");
      assertThat(hour.getMissing()).contains("SO2");
    }
  }

  @Test
  void aOneHourExceedanceIsJudgedInTheCoreWithoutAnotherTopicHop() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(reading(STATION, Medium.AIR, "O3", DAY, 0, 400, "ug/m3"));
      d.pipe(reading(STATION, Medium.AIR, "O3", DAY, 1, 100, "ug/m3"));

      // GB 3095-2012 Table 1: O3 1-h mean, grade II limit 200 ug/m3; 400 is twice it (critical)
      assertThat(d.alerts.readValuesToList()).filteredOn(a -> a.getRuleId().contains("O3"))
          .extracting(Alert::getRuleId, a -> a.getState().name(), Alert::getObserved, Alert::getThreshold)
          .containsExactly(tuple("GB3095-2012.O3.HOUR_MEAN.II", "OPEN", 400.0, 200.0));
    }
  }

  @Test
  void aRegistryChangeAppliesToTheNextValue() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(reading(STATION, Medium.AIR, "O3", DAY, 0, 180, "ug/m3"));
      d.pipe(reading(STATION, Medium.AIR, "O3", DAY, 1, 180, "ug/m3"));
      assertThat(d.alerts.readValuesToList()).as("grade II: the 1-h limit is 200").isEmpty();

      d.stations.pipeInput(STATION, Station.newBuilder(AirDriver.station(STATION, 3600)).setAirGrade(1).build());
      d.pipe(reading(STATION, Medium.AIR, "O3", DAY, 2, 100, "ug/m3"));

      // GB 3095-2012 Table 1: O3 1-h mean, grade I limit 160 ug/m3
      assertThat(d.alerts.readValuesToList()).extracting(Alert::getRuleId, Alert::getObserved)
          .containsExactly(tuple("GB3095-2012.O3.HOUR_MEAN.I", 180.0));
    }
  }
}
