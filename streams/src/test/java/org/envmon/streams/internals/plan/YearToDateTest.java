package org.envmon.streams.internals.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.envmon.standards.aqi.AqiResult;
import org.junit.jupiter.api.Test;

class YearToDateTest {
  private static AqiResult aqi(int value, int level) {
    return new AqiResult(value, level, "", "", List.of(), Map.of(), List.of(), "HJ 633-2012");
  }

  private static final LocalDate D = LocalDate.of(2015, 12, 30);

  @Test
  void countsGoodHeavyAndTheConsecutivePollutedRun() {
    YearToDate y = YearToDate.empty()
        .close(D.minusDays(3), 40.0, aqi(60, 2))
        .close(D.minusDays(2), 160.0, aqi(210, 5))
        .close(D.minusDays(1), 120.0, aqi(160, 4))
        .close(D, 20.0, null);
    assertThat(y.pm25Days()).isEqualTo(4);
    assertThat(y.pm25Sum()).isEqualTo(340.0);
    assertThat(y.aqiDays()).isEqualTo(3);
    assertThat(y.goodDays()).isEqualTo(1);
    assertThat(y.heavyDays()).isEqualTo(1);
    assertThat(y.pollutedRun()).as("a day without AQI ends the run").isEmpty();
    YearToDate run = YearToDate.empty().close(D.minusDays(2), 160.0, aqi(210, 5)).close(D.minusDays(1), 120.0, aqi(160, 4));
    assertThat(run.pollutedRun()).containsExactly(210, 160);
    assertThat(run.close(D.plusDays(1), 150.0, aqi(200, 4)).pollutedRun()).as("a gap of a day breaks the run")
        .containsExactly(200);
  }

  @Test
  void aNewYearStartsTheCountsAfresh() {
    YearToDate y = YearToDate.empty().close(D, 50.0, aqi(70, 2)).close(LocalDate.of(2016, 1, 1), 30.0, aqi(43, 1));
    assertThat(y.dataYear()).isEqualTo(2016);
    assertThat(y.pm25Days()).isEqualTo(1);
    assertThat(y.pm25Sum()).isEqualTo(30.0);
    assertThat(y.goodDays()).isEqualTo(1);
  }

  @Test
  void stationRevisionsReplaceTheirValueAndTheScopeValueIsTheStationMean() {
    DistrictDay day = DistrictDay.empty();
    day.put("PM2_5", "A", 10);
    day.put("PM2_5", "B", 30);
    day.put("PM2_5", "A", 20);
    assertThat(day.means()).containsEntry("PM2_5", 25.0);
  }

  @Test
  void serdeRoundTrips() {
    YearToDate y = YearToDate.empty().close(D.minusDays(1), 160.0, aqi(210, 5));
    y.deliver(new PlanInput("东城", "Dongsi", D, Map.of("PM2_5", 42.0, "O3_8H", 101.0)), 1_000L);
    byte[] bytes = YearToDateSerde.serde().serializer().serialize("t", y);
    assertThat(YearToDateSerde.serde().deserializer().deserialize("t", bytes)).isEqualTo(y);
    Map<String, Double> station = Map.of("PM2_5", 42.5, "O3_8H", 99.0);
    assertThat(OpenDays.serde().deserializer().deserialize("t", OpenDays.serde().serializer().serialize("t", station)))
        .isEqualTo(station);
  }

  /** Every station delivered moments ago (wall clock 0, silence after 2 h). */
  private static final YearToDate.Activity ACTIVE = new YearToDate.Activity(0, 0, 7_200_000L);

  private static PlanInput pm25(String station, LocalDate date) {
    return new PlanInput("东城", station, date, Map.of("PM2_5", 40.0));
  }

  /** {@code y} after the inputs, delivered at wall-clock {@code wall} ({@code y} itself, changed in place). */
  private static YearToDate delivered(YearToDate y, long wall, PlanInput... inputs) {
    for (PlanInput in : inputs) {
      y.deliver(in, wall);
    }
    return y;
  }

  private static PlanInput ended(String station) {
    return PlanInput.endOfInput("东城", station);
  }

  @Test
  void endOfInputOfEveryStationSeenClosesEveryOpenDay() {
    YearToDate y = delivered(YearToDate.empty(), 0, pm25("A", D), pm25("B", D), pm25("A", D.plusDays(1)));
    assertThat(y.closesBefore(Set.of("A", "B", "C"), 7, ACTIVE)).as("C never delivered, but was not watched long")
        .isEqualTo(LocalDate.MIN);
    assertThat(y.closesBefore(Set.of("A", "B"), 7, ACTIVE)).as("B is still on day D").isEqualTo(D);
    YearToDate aEnded = delivered(y, 0, ended("A"));
    assertThat(aEnded.closesBefore(Set.of("A", "B", "C"), 7, ACTIVE)).as("B has not ended; C never delivered")
        .isEqualTo(LocalDate.MIN);
    assertThat(delivered(aEnded, 0, ended("B")).closesBefore(Set.of("A", "B", "C"), 7, ACTIVE))
        .as("every station seen has ended: everything closes").isEqualTo(LocalDate.MAX);
  }

  @Test
  void anEndedStationDoesNotStretchTheGraceAndCountsAgainWhenItDeliversAgain() {
    YearToDate y = delivered(YearToDate.empty(), 0, pm25("A", D), pm25("B", D.minusDays(20)), ended("A"));
    assertThat(y.closesBefore(Set.of("A", "B"), 7, ACTIVE))
        .as("A's end is no day: B, still delivering, is not 7 days behind anything, so its day D-20 stays open")
        .isEqualTo(D.minusDays(20));
    YearToDate again = delivered(y, 0, pm25("A", D.plusDays(1)));
    assertThat(again.stationDays()).containsEntry("A", D.plusDays(1));
  }

  @Test
  void aStationFarBehindHoldsItsDaysWhileItDeliversAndNoLongerThanTheGraceOnceSilent() {
    YearToDate y = delivered(YearToDate.empty(), 0, pm25("A", D), pm25("B", D.minusDays(20)),
        pm25("B", D.minusDays(19)));
    assertThat(y.closesBefore(Set.of("A", "B"), 7, ACTIVE))
        .as("B delivers, 20 days behind A: only the day B has passed closes").isEqualTo(D.minusDays(19));
    YearToDate.Activity bSilent = new YearToDate.Activity(3 * 3_600_000L, 0, 7_200_000L);
    assertThat(y.closesBefore(Set.of("A", "B"), 7, bSilent))
        .as("silent for 3 h: B holds days only up to 7 days before A's newest").isEqualTo(D.minusDays(7));
    YearToDate.Activity neverSeen = new YearToDate.Activity(3 * 3_600_000L, 0, 7_200_000L);
    assertThat(delivered(YearToDate.empty(), 3 * 3_600_000L, pm25("A", D.minusDays(10)), pm25("A", D))
        .closesBefore(Set.of("A", "C"), 7, neverSeen))
        .as("registered C never delivered in 3 h of watching: silent").isEqualTo(D.minusDays(7));
    assertThat(delivered(YearToDate.empty(), 0, pm25("X", D)).closesBefore(Set.of(), 7, ACTIVE))
        .as("no registered station: the stations seen decide").isEqualTo(D);
  }

  /**
   * The plan stage skips {@code closesBefore} while a station it remembered still holds the open
   * days from the bound of its last full look: that is only sound if the bound closesBefore gives
   * is never after the bound of any watched station that holds (some station having delivered a
   * day and not ended, as after any input but an end-of-input marker).
   */
  @Test
  void whileAWatchedStationHoldsTheDaysFromABoundNoneFromThatBoundCloses() {
    SplittableRandom random = new SplittableRandom(633);
    List<String> ids = List.of("A", "B", "C", "D", "E", "F");
    int holding = 0;
    for (int round = 0; round < 20_000; round++) {
      YearToDate y = YearToDate.empty();
      if (random.nextBoolean()) {
        y = y.close(D.minusDays(random.nextInt(4)), 40.0, aqi(60, 2));
      }
      for (String id : ids) {
        int kind = random.nextInt(6);
        long arrival = random.nextInt(4) * 3_600_000L;
        if (kind == 0) {
          continue; // never delivered
        }
        y.deliver(kind == 1 ? ended(id) : pm25(id, D.plusDays(random.nextInt(7) - 4)), arrival);
      }
      if (y.stationDays().values().stream().allMatch(LocalDate.MAX::equals)) {
        continue;
      }
      Set<String> expected = new TreeSet<>();
      ids.stream().filter(id -> random.nextInt(3) > 0).forEach(expected::add);
      YearToDate.Activity activity = new YearToDate.Activity(random.nextInt(5) * 3_600_000L, 0, 7_200_000L);
      LocalDate bound = D.plusDays(random.nextInt(9) - 5);
      Set<String> watched = expected.isEmpty() ? y.stationDays().keySet() : expected;
      LocalDate before = y.closesBefore(expected, 2, activity);
      for (String id : watched) {
        if (y.holds(id, bound, activity)) {
          holding++;
          assertThat(before).as("round %d: %s holds from %s; %s", round, id, bound, y).isBeforeOrEqualTo(bound);
        }
      }
    }
    assertThat(holding).as("the property was exercised").isGreaterThan(5_000);
  }
}
