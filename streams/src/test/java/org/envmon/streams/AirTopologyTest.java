package org.envmon.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.streams.AirDriver.STATION;
import static org.envmon.streams.AirDriver.beijing;
import static org.envmon.streams.AirDriver.hourlyReading;
import static org.envmon.streams.AirDriver.minuteReading;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Reading;
import org.envmon.streams.internals.DayCloseSpread;
import org.envmon.streams.internals.HourlyMeanProcessor;
import org.envmon.streams.internals.StateKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirTopologyTest {
  private static final LocalDate DAY = LocalDate.of(2014, 3, 1);
  private static final Instant DAY_START = beijing(DAY, 0, 0);

  @TempDir
  Path stateDir;

  /** PM2.5 hourly means for the given hours of DAY, alternating value-1 / value+1 around mean. */
  private static void pipeHours(AirDriver d, String parameter, int fromHour, int toHourExclusive, double mean,
                                double swing, String unit) {
    for (int h = fromHour; h < toHourExclusive; h++) {
      d.pipe(hourlyReading(STATION, parameter, beijing(DAY, h, 0), h % 2 == 0 ? mean - swing : mean + swing, unit));
    }
  }

  @Test
  void aDayWith19ValidHoursIsInvalid() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "PM2_5", 0, 19, 50, 1, "ug/m3");
      d.endOfInput(beijing(DAY, 23, 0));

      List<Aggregate> daily = d.aggregates("PM2_5", "DAILY_MEAN");
      assertThat(daily).hasSize(1);
      Aggregate day = daily.get(0);
      assertThat(day.getValid()).isFalse();
      assertThat(day.getCount()).isEqualTo(19);
      assertThat(day.getRequired()).isEqualTo(20);
      assertThat(day.getValue()).isEqualTo(50.0 - 1.0 / 19); // 10 hours of 49 and 9 of 51
      assertThat(day.getStandard()).isEqualTo("GB 3095-2012");
      assertThat(day.getPeriodStart()).isEqualTo(DAY_START);
      assertThat(day.getRevision()).isZero();
    }
  }

  @Test
  void aDayWith20ValidHoursIsValid() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "PM2_5", 0, 20, 50, 1, "ug/m3");
      d.endOfInput(beijing(DAY, 23, 0));

      Aggregate day = d.aggregates("PM2_5", "DAILY_MEAN").get(0);
      assertThat(day.getValid()).isTrue();
      assertThat(day.getCount()).isEqualTo(20);
      assertThat(day.getValue()).isEqualTo(50.0);
    }
  }

  @Test
  void coSentInMicrogramsIsStoredInMilligrams() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "CO", beijing(DAY, 0, 0), 1200, "ug/m3"));
      d.pipe(hourlyReading(STATION, "CO", beijing(DAY, 1, 0), 1.3, "mg/m3"));

      HourlyValue first = d.hourly.readValue();
      assertThat(first.getParameter()).isEqualTo("CO");
      assertThat(first.getUnit()).isEqualTo("mg/m3");
      assertThat(first.getValue()).isEqualTo(1.2);
      assertThat(first.getValid()).isTrue();
      assertThat(d.hourly.isEmpty()).isTrue(); // the second hour is still open
    }
  }

  /**
   * With minute data the station's clock passes 02:00 (the grace) first; its day waits for its own
   * offset (Dongsi: 50 minutes of the default hour's spread), seen at the clock tick of 02:50.
   */
  @Test
  void aStationClosesItsDayAtItsOwnOffsetAfterTheGrace() {
    long offset = new DayCloseSpread(StreamsSettings.defaults().dayCloseSpread()).offsetMs(STATION);
    assertThat(offset).as("Dongsi's offset").isEqualTo(Duration.ofMinutes(50).toMillis());
    try (AirDriver d = new AirDriver(stateDir)) {
      d.stations.pipeInput(STATION, AirDriver.station(STATION, 60));
      pipeHours(d, "PM2_5", 0, 24, 50, 1, "ug/m3");
      Instant closesAt = beijing(DAY.plusDays(1), 2, 0).plusMillis(offset);
      for (Instant t = beijing(DAY.plusDays(1), 1, 30); t.isBefore(closesAt); t = t.plusSeconds(60)) {
        d.pipe(minuteReading(STATION, "PM2_5", t, 40));
      }
      assertThat(d.aggregates("PM2_5", "DAILY_MEAN")).as("still open a minute before 02:50").isEmpty();

      d.pipe(minuteReading(STATION, "PM2_5", closesAt, 40));

      assertThat(d.aggregates("PM2_5", "DAILY_MEAN")).singleElement()
          .satisfies(day -> assertThat(day.getPeriodStart()).isEqualTo(DAY_START))
          .satisfies(day -> assertThat(day.getValue()).isEqualTo(50.0));
    }
  }

  @Test
  void withoutASpreadEveryStationClosesItsDayAtTheGrace() {
    StreamsSettings settings = StreamsSettings.builder().forTests().dayCloseSpread(Duration.ZERO).build();
    try (AirDriver d = new AirDriver(settings, stateDir)) {
      d.stations.pipeInput(STATION, AirDriver.station(STATION, 60));
      pipeHours(d, "PM2_5", 0, 24, 50, 1, "ug/m3");
      for (Instant t = beijing(DAY.plusDays(1), 1, 30); t.isBefore(beijing(DAY.plusDays(1), 2, 0)); t = t.plusSeconds(60)) {
        d.pipe(minuteReading(STATION, "PM2_5", t, 40));
      }
      assertThat(d.aggregates("PM2_5", "DAILY_MEAN")).isEmpty();

      d.pipe(minuteReading(STATION, "PM2_5", beijing(DAY.plusDays(1), 2, 0), 40));

      assertThat(d.aggregates("PM2_5", "DAILY_MEAN")).hasSize(1);
    }
  }

  @Test
  void minuteDataMakesAValidHourWith45MinutesAndAnInvalidOneWith44() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.stations.pipeInput(STATION, AirDriver.station(STATION, 60));
      for (int m = 0; m < 45; m++) {
        d.pipe(minuteReading(STATION, "SO2", beijing(DAY, 0, m), 10 + m % 2));
      }
      for (int m = 0; m < 44; m++) {
        d.pipe(minuteReading(STATION, "SO2", beijing(DAY, 1, m), 20 + m % 2));
      }
      d.pipe(minuteReading(STATION, "SO2", beijing(DAY, 2, 0), 30));

      List<HourlyValue> hours = d.hourly.readValuesToList();
      assertThat(hours).extracting(HourlyValue::getSampleMinutes).containsExactly(45, 44);
      assertThat(hours).extracting(HourlyValue::getValid).containsExactly(true, false);
      assertThat(hours).extracting(HourlyValue::getSamples).containsExactly(45, 44);
      assertThat(hours.get(0).getValue()).isEqualTo((23 * 10 + 22 * 11) / 45.0);
    }
  }

  @Test
  void aReadingWithoutSampleMinutesStandsForItsStationsCadenceElseItsPeriod() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.stations.pipeInput(STATION, AirDriver.station(STATION, 300)); // a 5-minute logger
      for (int i = 0; i < 9; i++) {
        d.pipe(minuteReading(STATION, "SO2", beijing(DAY, 0, 5 * i), 10));
        d.pipe(minuteReading("Unregistered", "SO2", beijing(DAY, 0, 5 * i), 10));
      }
      d.pipe(minuteReading(STATION, "SO2", beijing(DAY, 1, 0), 10));
      d.pipe(minuteReading("Unregistered", "SO2", beijing(DAY, 1, 0), 10));

      Map<String, HourlyValue> hours = d.hourly.readValuesToList().stream()
          .collect(Collectors.toMap(HourlyValue::getStationId, h -> h));
      assertThat(hours.get(STATION).getSampleMinutes()).isEqualTo(45); // 9 x the registry's 300 s
      assertThat(hours.get(STATION).getValid()).isTrue();
      assertThat(hours.get("Unregistered").getSampleMinutes()).isEqualTo(9); // 9 x the readings' 60 s
      assertThat(hours.get("Unregistered").getValid()).isFalse();
    }
  }

  @Test
  void mda8WithOnly13ValidWindowsIsValidWhenAboveTheLimit() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "O3", 0, 18, 200, 1, "ug/m3"); // hours 0-17: windows 00-08 .. 12-20 have >= 6 hours
      d.endOfInput(beijing(DAY, 23, 0));

      Aggregate mda8 = d.aggregates("O3", "O3_MDA8").get(0);
      assertThat(mda8.getCount()).isEqualTo(13);
      assertThat(mda8.getRequired()).isEqualTo(14);
      assertThat(mda8.getValue()).isEqualTo((4 * 201 + 3 * 199) / 7.0); // window 11-19 holds hours 11-17
      assertThat(mda8.getValid()).isTrue();
    }
  }

  @Test
  void mda8WithOnly13ValidWindowsBelowTheLimitIsInvalid() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "O3", 0, 18, 100, 1, "ug/m3");
      d.endOfInput(beijing(DAY, 23, 0));

      Aggregate mda8 = d.aggregates("O3", "O3_MDA8").get(0);
      assertThat(mda8.getCount()).isEqualTo(13);
      assertThat(mda8.getValid()).isFalse();
    }
  }

  @Test
  void dailyAqiOfAHandComputedDay() {
    try (AirDriver d = new AirDriver(stateDir)) {
      // Daily means sit on HJ 633-2012 breakpoints: PM2.5 75 -> 100, PM10 150 -> 100, SO2 50 -> 50,
      // NO2 40 -> 50, CO 2 -> 50, O3 1-h max 161 -> 50 + 50 * 1/40 = 51.25 -> 52, MDA8 160 -> 100.
      pipeHours(d, "PM2_5", 0, 24, 75, 1, "ug/m3");
      pipeHours(d, "PM10", 0, 24, 150, 1, "ug/m3");
      pipeHours(d, "SO2", 0, 24, 50, 1, "ug/m3");
      pipeHours(d, "NO2", 0, 24, 40, 1, "ug/m3");
      pipeHours(d, "CO", 0, 24, 2, 0.5, "mg/m3");
      pipeHours(d, "O3", 0, 24, 160, 1, "ug/m3");
      d.endOfInput(beijing(DAY.plusDays(1), 0, 0));

      List<AqiRecord> daily = d.aqi.readValuesToList().stream().filter(r -> r.getPeriod().equals("DAY")).toList();
      assertThat(daily).hasSize(1);
      AqiRecord day = daily.get(0);
      assertThat(day.getStandard()).isEqualTo("HJ 633-2012");
      assertThat(day.getIaqi()).isEqualTo(Map.of("PM2_5", 100, "PM10", 100, "SO2", 50, "NO2", 50, "CO", 50,
          "O3", 52, "O3_8H", 100));
      assertThat(day.getAqi()).isEqualTo(100);
      assertThat(day.getLevel()).isEqualTo(2);
      assertThat(day.getCategory()).isEqualTo("良");
      assertThat(day.getPrimaryPollutants()).containsExactlyInAnyOrder("PM2_5", "PM10", "O3_8H");
      assertThat(day.getMissing()).isEmpty();
      assertThat(day.getPeriodStart()).isEqualTo(DAY_START);
    }
  }

  @Test
  void lateDataInsideTheGraceRevisesTheHourAndTheRollingMean() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "PM2_5", 0, 6, 50, 1, "ug/m3"); // clock at 05:00, hours 00-04 closed
      d.hourly.readValuesToList();
      d.aggregates.readValuesToList();

      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 4, 0), 80, "ug/m3")); // 04-05 ended 05:00, grace 2 h

      HourlyValue revised = d.hourly.readValue();
      assertThat(revised.getHourStart()).isEqualTo(beijing(DAY, 4, 0));
      assertThat(revised.getValue()).isEqualTo(80.0);
      assertThat(revised.getRevision()).isEqualTo(1);
      assertThat(d.hourly.isEmpty()).isTrue();
      Aggregate rolling = d.aggregates.readValue();
      assertThat(rolling.getStatistic()).isEqualTo("ROLLING_24H");
      assertThat(rolling.getRevision()).isEqualTo(1);
      assertThat(rolling.getCount()).isEqualTo(5);
      assertThat(rolling.getValue()).isEqualTo((49 + 51 + 49 + 51 + 80) / 5.0);
      assertThat(d.late.isEmpty()).isTrue();
    }
  }

  @Test
  void dataLaterThanTheGraceGoesToTheLateTopicAndRecomputesTheDay() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "PM2_5", 0, 24, 50, 1, "ug/m3");
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY.plusDays(1), 3, 0), 50, "ug/m3")); // day closes
      Aggregate closed = d.aggregates("PM2_5", "DAILY_MEAN").get(0);
      assertThat(closed.getRevision()).isZero();
      assertThat(closed.getValue()).isEqualTo(50.0);

      Reading late = hourlyReading(STATION, "PM2_5", beijing(DAY, 10, 0), 74, "ug/m3"); // was 49
      d.pipe(late);

      assertThat(d.late.readValue()).isEqualTo(late);
      List<HourlyValue> hours = d.hourly.readValuesToList();
      assertThat(hours.get(hours.size() - 1).getRevision()).isEqualTo(1);
      Aggregate recomputed = d.aggregates("PM2_5", "DAILY_MEAN").get(0);
      assertThat(recomputed.getRevision()).isEqualTo(1);
      assertThat(recomputed.getValue()).isEqualTo(50.0 + 25.0 / 24);
      assertThat(d.deadLetters.isEmpty()).isTrue();
    }
  }

  @Test
  void dataBeyondTheLateBoundGoesToTheLateAndDeadLetterTopics() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY.plusDays(10), 0, 0), 50, "ug/m3"));
      Reading ancient = hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), 50, "ug/m3");
      d.pipe(ancient);

      assertThat(d.late.readValue()).isEqualTo(ancient);
      DeadLetter letter = d.deadLetters.readValue();
      assertThat(letter.getReasonCode()).isEqualTo("LATE");
      assertThat(letter.getSourceAddress()).isEqualTo("envmon.readings-0@1");
      assertThat(d.hourly.isEmpty()).isTrue();
    }
  }

  @Test
  void hoursBeyondTheLateBoundAreForgottenSoAStationKeepsAtMostTheBoundsHours() {
    try (AirDriver d = new AirDriver(stateDir)) {
      for (int hour = 0; hour < 40 * 24; hour++) {
        d.pipe(hourlyReading(STATION, "PM2_5", DAY_START.plus(Duration.ofHours(hour)), 50, "ug/m3"));
        if (hour == 20 * 24) { // a station that first reports half-way, and a day late
          d.pipe(hourlyReading("Tiantan", "PM2_5", DAY_START.plus(Duration.ofHours(hour - 24)), 50, "ug/m3"));
        }
        if (hour >= 20 * 24) {
          d.pipe(hourlyReading("Tiantan", "PM2_5", DAY_START.plus(Duration.ofHours(hour)), 50, "ug/m3"));
        }
      }
      Map<String, Long> kept = new TreeMap<>();
      Instant oldest = Instant.MAX;
      try (var hours = d.driver.<String, Object>getKeyValueStore(HourlyMeanProcessor.HOURS_STORE).all()) {
        while (hours.hasNext()) {
          String key = hours.next().key;
          kept.merge(key.substring(0, key.indexOf('|')), 1L, Long::sum);
          if (key.startsWith(STATION + "|")) {
            Instant start = Instant.ofEpochMilli(StateKeys.startOf(key));
            oldest = start.isBefore(oldest) ? start : oldest;
          }
        }
      }
      // the 7-day late bound and the hour before it, from the clock's hour: 7 x 24 + 2 hours
      Instant clock = DAY_START.plus(Duration.ofHours(40 * 24 - 1));
      assertThat(oldest).isEqualTo(clock.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)));
      assertThat(kept.get(STATION)).isEqualTo(7L * 24 + 2);
      assertThat(kept.get("Tiantan")).isEqualTo(7L * 24 + 2);
    }
  }

  @Test
  void endOfInputClosesTheOpenHourAndDay() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "PM2_5", 0, 3, 50, 1, "ug/m3");
      assertThat(d.hourly.readValuesToList()).hasSize(2);

      d.endOfInput(beijing(DAY, 3, 0));

      HourlyValue last = d.hourly.readValue();
      assertThat(last.getHourStart()).isEqualTo(beijing(DAY, 2, 0));
      Aggregate day = d.aggregates("PM2_5", "DAILY_MEAN").get(0);
      assertThat(day.getCount()).isEqualTo(3);
      assertThat(day.getValid()).isFalse();
      assertThat(d.deadLetters.isEmpty()).isTrue();
    }
  }

  @Test
  void aSilentStationsDayIsClosedByWallClockPunctuation() {
    try (AirDriver d = new AirDriver(stateDir)) {
      pipeHours(d, "PM2_5", 0, 10, 50, 1, "ug/m3");
      assertThat(d.aggregates("PM2_5", "DAILY_MEAN")).isEmpty();

      d.driver.advanceWallClockTime(Duration.ofHours(3));

      Aggregate day = d.aggregates("PM2_5", "DAILY_MEAN").get(0);
      assertThat(day.getCount()).isEqualTo(10);
      assertThat(day.getValid()).isFalse();
      assertThat(day.getRevision()).isZero();
    }
  }

  @Test
  void aCorruptRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.rawReadings.pipeInput(STATION, "not avro".getBytes(StandardCharsets.UTF_8));
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), 50, "ug/m3"));
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 1, 0), 51, "ug/m3"));

      DeadLetter letter = d.deadLetters.readValue();
      assertThat(letter.getReasonCode()).isEqualTo("DESERIALIZATION");
      assertThat(letter.getSourceAddress()).isEqualTo("envmon.readings-0@0");
      assertThat(letter.getPayload()).isEqualTo("not avro");
      assertThat(d.hourly.readValue().getValue()).isEqualTo(50.0);
    }
  }

  @Test
  void sentinelValuesAreRejectedWithTheirReason() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), -999, "ug/m3"));

      DeadLetter letter = d.deadLetters.readValue();
      assertThat(letter.getReasonCode()).isEqualTo("QC_UNUSABLE");
      assertThat(letter.getReason()).contains("sentinel");
      assertThat(letter.getStationId()).isEqualTo(STATION);
    }
  }
  @Test
  void hourlyAqiScoresTheHoursMeans() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), 75, "ug/m3"));
      d.pipe(hourlyReading(STATION, "NO2", beijing(DAY, 0, 0), 350, "ug/m3"));
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 1, 0), 75, "ug/m3"));

      AqiRecord hour = d.aqi.readValue();
      assertThat(hour.getPeriod()).isEqualTo("HOUR");
      assertThat(hour.getPeriodStart()).isEqualTo(DAY_START);
      assertThat(hour.getIaqi()).isEqualTo(Map.of("PM2_5", 100, "NO2", 115));
      assertThat(hour.getAqi()).isEqualTo(115);
      assertThat(hour.getPrimaryPollutants()).containsExactly("NO2");
      assertThat(hour.getStandard()).isEqualTo("HJ 633-2012");
      assertThat(hour.getMissing()).containsExactlyInAnyOrder("PM10", "SO2", "CO", "O3");
    }
  }

  @Test
  void pm25AbovePm10FlagsBothHoursWithoutInvalidatingThem() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "PM10", beijing(DAY, 0, 0), 60, "ug/m3"));
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), 70, "ug/m3"));
      d.pipe(hourlyReading(STATION, "PM10", beijing(DAY, 1, 0), 60, "ug/m3"));

      List<HourlyValue> hours = d.hourly.readValuesToList();
      assertThat(hours).extracting(HourlyValue::getParameter).containsExactly("PM10", "PM2_5");
      assertThat(hours).allSatisfy(h -> {
        assertThat(h.getQcFlags()).containsExactly("PM25_GT_PM10");
        assertThat(h.getValid()).isTrue();
      });
    }
  }

  @Test
  void dataForAnHourClosedByEndOfInputReemitsIt() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), 50, "ug/m3"));
      d.endOfInput(beijing(DAY, 1, 0));
      assertThat(d.hourly.readValue().getRevision()).isZero();

      d.pipe(hourlyReading(STATION, "PM2_5", beijing(DAY, 0, 0), 60, "ug/m3"));

      HourlyValue corrected = d.hourly.readValue();
      assertThat(corrected.getValue()).isEqualTo(60.0);
      assertThat(corrected.getRevision()).isEqualTo(1);
      Aggregate day = d.aggregates("PM2_5", "DAILY_MEAN").get(1);
      assertThat(day.getRevision()).isEqualTo(1);
      assertThat(day.getValue()).isEqualTo(60.0);
    }
  }

  @Test
  void noiseLevelsMakeAnEnergyMeanAndWaterTemperatureMayBeNegative() {
    try (AirDriver d = new AirDriver(stateDir)) {
      Reading la = hourlyReading("Noise1", "LA", beijing(DAY, 0, 0), 60, "dB(A)");
      la.setMedium(org.envmon.schemas.Medium.NOISE);
      la.setPeriodSeconds(1800);
      la.setSampleMinutes(30);
      d.pipe(la);
      Reading la2 = hourlyReading("Noise1", "LA", beijing(DAY, 0, 30), 70, "dB(A)");
      la2.setMedium(org.envmon.schemas.Medium.NOISE);
      la2.setPeriodSeconds(1800);
      la2.setSampleMinutes(30);
      d.pipe(la2);
      Reading temp = hourlyReading("River1", "WATER_TEMP", beijing(DAY, 0, 0), -2, "degC");
      temp.setMedium(org.envmon.schemas.Medium.WATER);
      d.pipe(temp);
      d.endOfInput(beijing(DAY, 1, 0));

      Map<String, HourlyValue> hours = new java.util.HashMap<>();
      d.hourly.readValuesToList().forEach(h -> hours.put(h.getParameter(), h));
      HourlyValue noise = hours.get("LA");
      assertThat(noise.getMedium()).isEqualTo(org.envmon.schemas.Medium.NOISE);
      assertThat(noise.getValue()).isEqualTo(10 * Math.log10((Math.pow(10, 6) + Math.pow(10, 7)) / 2));
      assertThat(noise.getSampleMinutes()).isEqualTo(60);
      assertThat(noise.getValid()).isTrue();
      HourlyValue water = hours.get("WATER_TEMP");
      assertThat(water.getValue()).isEqualTo(-2.0);
      assertThat(water.getQcFlags()).isEmpty();
      assertThat(water.getValid()).isTrue();
    }
  }

  @Test
  void aParameterOfAnotherMediumIsRejected() {
    try (AirDriver d = new AirDriver(stateDir)) {
      d.pipe(hourlyReading(STATION, "PH", beijing(DAY, 0, 0), 7, "pH"));

      DeadLetter letter = d.deadLetters.readValue();
      assertThat(letter.getReasonCode()).isEqualTo("UNKNOWN_PARAMETER");
      assertThat(letter.getReason()).contains("WATER parameter");
    }
  }
}
