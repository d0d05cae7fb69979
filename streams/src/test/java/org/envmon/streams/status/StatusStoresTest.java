package org.envmon.streams.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status stores keep exactly the latest record per key, and exactly the open alerts. */
class StatusStoresTest {
  private static final Instant H10 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant H11 = Instant.parse("2026-03-01T11:00:00Z");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;

  @BeforeEach
  void open() {
    StreamsBuilder builder = new StreamsBuilder();
    StatusStores.addTo(builder, EvaluationInputs.subscribe(builder));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "envmon-status-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void hourlyStoreKeepsTheNewestHourAndItsHighestRevision() {
    TestInputTopic<String, HourlyValue> hourly = input(Topics.HOURLY);
    hourly.pipeInput("Dongsi|PM2_5", hour("Dongsi", "PM2_5", H10, 40.0, 0));
    hourly.pipeInput("Dongsi|PM2_5", hour("Dongsi", "PM2_5", H11, 55.0, 0));
    // A late revision of the older hour must not hide the newer hour.
    hourly.pipeInput("Dongsi|PM2_5", hour("Dongsi", "PM2_5", H10, 42.0, 1));
    // A revision of the newest hour replaces it.
    hourly.pipeInput("Dongsi|PM2_5", hour("Dongsi", "PM2_5", H11, 57.0, 1));
    hourly.pipeInput("Dongsi|NO2", hour("Dongsi", "NO2", H10, 30.0, 0));
    hourly.pipeInput("Tiantan|PM2_5", hour("Tiantan", "PM2_5", H10, 12.0, 0));

    Map<String, HourlyValue> stored = contents(StatusStores.LATEST_HOURLY);
    assertThat(stored).containsOnlyKeys("Dongsi|PM2_5", "Dongsi|NO2", "Tiantan|PM2_5");
    assertThat(stored.get("Dongsi|PM2_5")).isEqualTo(hour("Dongsi", "PM2_5", H11, 57.0, 1));
    assertThat(stored.get("Dongsi|NO2")).isEqualTo(hour("Dongsi", "NO2", H10, 30.0, 0));
    assertThat(stored.get("Tiantan|PM2_5")).isEqualTo(hour("Tiantan", "PM2_5", H10, 12.0, 0));
  }

  @Test
  void aqiStoreKeepsTheLatestHourAndDaySeparately() {
    TestInputTopic<String, AqiRecord> aqi = input(Topics.AQI);
    Instant day = Instant.parse("2026-02-28T16:00:00Z");
    aqi.pipeInput("Dongsi|HOUR", aqi("Dongsi", "HOUR", H11, 80, 0));
    aqi.pipeInput("Dongsi|HOUR", aqi("Dongsi", "HOUR", H10, 60, 0));
    aqi.pipeInput("Dongsi|DAY", aqi("Dongsi", "DAY", day, 120, 0));
    aqi.pipeInput("Dongsi|DAY", aqi("Dongsi", "DAY", day, 125, 1));
    aqi.pipeInput("Dongsi|DAY", aqi("Dongsi", "DAY", day, 120, 0));

    Map<String, AqiRecord> stored = contents(StatusStores.LATEST_AQI);
    assertThat(stored).containsOnlyKeys("Dongsi|HOUR", "Dongsi|DAY");
    assertThat(stored.get("Dongsi|HOUR")).isEqualTo(aqi("Dongsi", "HOUR", H11, 80, 0));
    assertThat(stored.get("Dongsi|DAY")).isEqualTo(aqi("Dongsi", "DAY", day, 125, 1));
  }

  @Test
  void openAlertsStoreHoldsOpenAndEscalatedEpisodesUntilCleared() {
    TestInputTopic<String, Alert> alerts = input(Topics.ALERTS);
    String a = "Dongsi|GB3095-2012.PM2_5.DAILY_MEAN.II|2026-03-01T00:00:00Z";
    String b = "Tiantan|GB3095-2012.PM2_5.DAILY_MEAN.II|2026-03-01T00:00:00Z";
    String c = "Dongsi|GB3095-2012.NO2.DAILY_MEAN.II|2026-03-01T00:00:00Z";
    alerts.pipeInput(a, alert(a, "Dongsi", AlertState.OPEN, "warning"));
    alerts.pipeInput(b, alert(b, "Tiantan", AlertState.OPEN, "warning"));
    alerts.pipeInput(a, alert(a, "Dongsi", AlertState.ESCALATED, "major"));
    alerts.pipeInput(c, alert(c, "Dongsi", AlertState.OPEN, "warning"));
    alerts.pipeInput(c, alert(c, "Dongsi", AlertState.CLEARED, "warning"));

    Map<String, Alert> stored = contents(StatusStores.OPEN_ALERTS);
    assertThat(stored).containsOnlyKeys(a, b);
    assertThat(stored.get(a)).isEqualTo(alert(a, "Dongsi", AlertState.ESCALATED, "major"));
    assertThat(stored.get(b)).isEqualTo(alert(b, "Tiantan", AlertState.OPEN, "warning"));
  }

  @Test
  void planStoreKeepsTheLatestDayPerScopeTargetAndYear() {
    TestInputTopic<String, PlanProgress> plan = input(Topics.PLAN_PROGRESS);
    Instant d1 = Instant.parse("2026-02-28T16:00:00Z");
    Instant d2 = Instant.parse("2026-03-01T16:00:00Z");
    plan.pipeInput("city|pm25_annual|2026", plan("city", d2, 31.0, 60));
    plan.pipeInput("city|pm25_annual|2026", plan("city", d1, 30.0, 59));
    plan.pipeInput("东城|pm25_annual|2026", plan("东城", d1, 28.0, 59));

    Map<String, PlanProgress> stored = contents(StatusStores.PLAN_PROGRESS);
    assertThat(stored).containsOnly(
        Map.entry("city|pm25_annual|2026", plan("city", d2, 31.0, 60)),
        Map.entry("东城|pm25_annual|2026", plan("东城", d1, 28.0, 59)));
  }

  @Test
  void viewsCarryEveryFieldAsPlainValues() {
    HourlyStatus h = HourlyStatus.of(hour("Dongsi", "PM2_5", H11, 57.0, 1));
    assertThat(h).isEqualTo(new HourlyStatus("Dongsi", "东城", "AIR", "PM2_5", "2026-03-01T11:00:00Z", 57.0, "ug/m3",
        true, 12, 60, List.of(), 1));
    AqiStatus q = AqiStatus.of(aqi("Dongsi", "DAY", H10, 125, 1));
    assertThat(q).isEqualTo(new AqiStatus("Dongsi", "东城", "DAY", "2026-03-01T10:00:00Z", 125, 3, "轻度污染",
        List.of("PM2_5"), Map.of("PM2_5", 125), List.of(), "HJ 633-2026", 1));
    PlanStatus p = PlanStatus.of(plan("city", H10, 31.0, 60));
    assertThat(p).isEqualTo(new PlanStatus("city", "pm25_annual", 2026, "2026-03-01T10:00:00Z", 31.0, 29.0, false, 60,
        "plan 002 annex 4", null));
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <V> Map<String, V> contents(String storeName) {
    KeyValueStore<String, V> store = driver.getKeyValueStore(storeName);
    Map<String, V> out = new TreeMap<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> next = all.next();
        out.put(next.key, next.value);
      }
    }
    return out;
  }

  static HourlyValue hour(String station, String parameter, Instant start, double value, int revision) {
    return HourlyValue.newBuilder().setStationId(station).setDistrict("东城").setMedium(Medium.AIR)
        .setParameter(parameter).setHourStart(start).setValue(value).setUnit("ug/m3").setSamples(12)
        .setSampleMinutes(60).setValid(true).setRevision(revision).build();
  }

  static AqiRecord aqi(String station, String period, Instant start, int aqi, int revision) {
    return AqiRecord.newBuilder().setStationId(station).setDistrict("东城").setPeriod(period).setPeriodStart(start)
        .setAqi(aqi).setLevel(3).setCategory("轻度污染").setPrimaryPollutants(List.of("PM2_5"))
        .setIaqi(Map.of("PM2_5", aqi)).setStandard("HJ 633-2026").setRevision(revision).build();
  }

  static Alert alert(String id, String station, AlertState state, String severity) {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    return Alert.newBuilder().setAlertId(id).setState(state).setSeverity(severity).setStationId(station)
        .setDistrict("东城").setMedium(Medium.AIR).setRuleId(id.split("\\|")[1]).setRuleSource("GB 3095-2012 Table 1")
        .setParameter("PM2_5").setStatistic("DAILY_MEAN").setObserved(120.0).setThreshold(75.0).setPeriodStart(t)
        .setEpisodeStart(t).setTransitionAt(t).setMessage("PM2.5 daily mean 120 > 75").setStandard("GB 3095-2012")
        .build();
  }

  static PlanProgress plan(String scope, Instant asOf, double actual, int days) {
    return PlanProgress.newBuilder().setScope(scope).setTarget("pm25_annual").setYear(2026).setAsOf(asOf)
        .setActual(actual).setTargetValue(29.0).setOnTrack(actual <= 29.0).setDays(days)
        .setSource("plan 002 annex 4").build();
  }
}
