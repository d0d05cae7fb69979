package org.envmon.streams.internals.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real RocksDB store: the byte order of the keys is what the range scans rely on. */
class OpenDaysTest {
  @TempDir
  Path stateDir;
  private KeyValueStore<String, Map<String, Double>> store;
  private OpenDays days;

  @BeforeEach
  void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "open-days-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("plan-open-days"), Serdes.String(), OpenDays.serde())
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    days = new OpenDays(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void add(String scope, String station, LocalDate date, double pm25) {
    days.add(new PlanInput(scope, station, date, Map.of("PM2_5", pm25)));
  }

  private static List<LocalDate> dates(List<Map.Entry<LocalDate, DistrictDay>> removed) {
    return removed.stream().map(Map.Entry::getKey).toList();
  }

  @Test
  void removesOnlyTheScopesDaysBetweenTheBoundsOldestFirstAcrossYearsAndMonths() {
    LocalDate d = LocalDate.of(2015, 12, 30);
    for (int i = 0; i < 5; i++) {
      add("东城", "Dongsi", d.plusDays(i), 10 + i);
      add("city", "Dongsi", d.plusDays(i), 10 + i);
      add("东城2", "X", d.plusDays(i), 1);
    }
    add("东城", "Tiantan", d.plusDays(1), 31);

    List<Map.Entry<LocalDate, DistrictDay>> removed = days.removeBetween("东城", d, d.plusDays(3));
    assertThat(dates(removed)).as("after D (exclusive), before D+3 (exclusive), across the new year")
        .containsExactly(d.plusDays(1), d.plusDays(2));
    assertThat(removed.get(0).getValue().means()).containsEntry("PM2_5", 21.0);
    assertThat(days.removeBetween("东城", d, d.plusDays(3))).as("removed, not just read").isEmpty();
    assertThat(days.removeBetween("东城", null, LocalDate.MIN)).as("MIN: nothing can close").isEmpty();
    assertThat(dates(days.removeBetween("东城", null, LocalDate.MAX))).as("MAX: every day left of the scope, no other scope's")
        .containsExactly(d, d.plusDays(3), d.plusDays(4));
    assertThat(dates(days.removeBetween("city", d.plusDays(2), LocalDate.MAX))).containsExactly(d.plusDays(3), d.plusDays(4));
    assertThat(dates(days.removeBetween("东城2", null, LocalDate.MAX))).hasSize(5);
  }

  @Test
  void aLongSpanIsScannedAndRemovesWhatShortSpansReadByKeyRemove() {
    LocalDate d = LocalDate.of(2015, 11, 1);
    for (int i = 0; i < 100; i += 3) {
      add("city", "Dongsi", d.plusDays(i), i);
      add("东城", "Dongsi", d.plusDays(i), i);
    }
    List<LocalDate> scanned = dates(days.removeBetween("city", d, d.plusDays(90)));
    List<LocalDate> byKey = new ArrayList<>();
    for (int start = 0; start < 90; start += 10) {
      byKey.addAll(dates(days.removeBetween("东城", d.plusDays(start), d.plusDays(Math.min(90, start + 11)))));
    }
    assertThat(scanned).as("89 days after D: a range scan").hasSize(29).isSorted()
        .first().isEqualTo(d.plusDays(3));
    assertThat(byKey).as("the same days in spans of 10, read by key").isEqualTo(scanned);
    assertThat(dates(days.removeBetween("东城", null, LocalDate.MAX))).as("left: D and D+90 on")
        .isEqualTo(dates(days.removeBetween("city", null, LocalDate.MAX)));
  }

  @Test
  void aStationsRevisedValueReplacesItsEarlierOne() {
    LocalDate d = LocalDate.of(2016, 3, 1);
    add("city", "A", d, 10);
    add("city", "B", d, 30);
    add("city", "A", d, 20);
    assertThat(days.removeBetween("city", null, LocalDate.MAX).get(0).getValue().means()).containsEntry("PM2_5", 25.0);
  }

  @Test
  void aRevisionKeepsTheInputsItDoesNotCarry() {
    LocalDate d = LocalDate.of(2016, 3, 1);
    days.add(new PlanInput("city", "A", d, Map.of("PM2_5", 10.0, "O3_8H", 100.0)));
    days.add(new PlanInput("city", "A", d, Map.of("PM2_5", 12.0)));
    assertThat(days.removeBetween("city", d.minusDays(1), d.plusDays(1)).get(0).getValue().means())
        .isEqualTo(Map.of("PM2_5", 12.0, "O3_8H", 100.0));
  }

  @Test
  void eachStationDayIsItsOwnSmallValueAndTheScopesDayIsBuiltAtTheClose() {
    LocalDate d = LocalDate.of(2016, 3, 1);
    for (int s = 0; s < 1000; s++) {
      days.add(new PlanInput("city", String.format("station-%04d", s), d, Map.of("PM2_5", (double) s, "PM10", 2.0 * s)));
    }
    byte[] one = OpenDays.serde().serializer().serialize("t", store.get(OpenDays.key("city", d, "station-0999")));
    assertThat(one.length).as("one station's values, whatever the scope's size").isLessThan(64);

    List<Map.Entry<LocalDate, DistrictDay>> closed = days.removeBetween("city", d.minusDays(1), d.plusDays(1));
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).getValue().values().get("PM2_5")).hasSize(1000);
    assertThat(closed.get(0).getValue().means()).isEqualTo(Map.of("PM2_5", 499.5, "PM10", 999.0));
    assertThat(store.get(OpenDays.key("city", d, "station-0999"))).as("removed").isNull();
  }

  @Test
  void aScopeWhoseNameExtendsAnothersIsNotReadWithIt() {
    LocalDate d = LocalDate.of(2016, 3, 1);
    add("a", "X", d, 10);
    add("a|b", "Y", d, 30);
    assertThat(days.removeBetween("a", null, LocalDate.MAX).get(0).getValue().means()).containsEntry("PM2_5", 10.0);
    assertThat(days.removeBetween("a|b", null, LocalDate.MAX).get(0).getValue().means()).containsEntry("PM2_5", 30.0);
  }
}
