package org.envmon.streams.internals.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.StationsStore;

/**
 * A TopologyTestDriver over StationsStore plus the evaluation stages under test, with typed
 * input and output topics and record factories. Closing it keeps nothing; {@link #restart()}
 * simulates a process restart on the same state directory.
 */
public final class EvaluationHarness implements AutoCloseable {
  static final String APP_ID = "envmon-evaluation-test";
  private static final long HOUR = 3_600_000L;

  private final Path stateDir;
  private final Path savedDir;
  private boolean saveOnClose;
  private final BiConsumer<StreamsBuilder, EvaluationInputs> stages;
  private TopologyTestDriver driver;
  public TestInputTopic<String, Station> stations;
  public TestInputTopic<String, Aggregate> aggregatesIn;
  public TestInputTopic<String, HourlyValue> hourly;
  public TestInputTopic<String, AqiRecord> aqi;
  public TestOutputTopic<String, Alert> alerts;
  public TestOutputTopic<String, Aggregate> aggregatesOut;
  public TestOutputTopic<String, PlanProgress> planProgress;

  /**
   * A harness running {@code stages} (each given the builder and the shared inputs), keeping its
   * state under {@code baseDir}.
   */
  public EvaluationHarness(Path baseDir, BiConsumer<StreamsBuilder, EvaluationInputs> stages) {
    this.stateDir = baseDir.resolve("state");
    this.savedDir = baseDir.resolve("saved");
    this.stages = stages;
    open();
  }

  /** The topology under test. */
  public Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    StationsStore.addTo(builder);
    stages.accept(builder, EvaluationInputs.subscribe(builder));
    return builder.build();
  }

  private void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    Topology topology = topology();
    topology.addStateStore(SnapshotOnClose.builder(this::saveTasks));
    topology.addSource("harness-snapshot-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
        "harness-snapshot-trigger");
    topology.addProcessor("harness-snapshot-holder", SnapshotHolder::new, "harness-snapshot-source");
    topology.connectProcessorAndStateStores("harness-snapshot-holder", SnapshotOnClose.NAME);
    driver = new TopologyTestDriver(topology, props, Instant.parse("2026-01-01T00:00:00Z"));
    stations = in(Topics.STATIONS);
    aggregatesIn = in(Topics.AGGREGATES);
    hourly = in(Topics.HOURLY);
    aqi = in(Topics.AQI);
    alerts = out(Topics.ALERTS);
    aggregatesOut = out(Topics.AGGREGATES);
    planProgress = out(Topics.PLAN_PROGRESS);
  }

  /** Holds the snapshot store in the task; it never receives records. */
  private static final class SnapshotHolder implements Processor<Object, Object, Void, Void> {
    @Override
    public void process(Record<Object, Object> record) {
      // never called: nothing is sent to the trigger topic
    }
  }

  private <V> TestInputTopic<String, V> in(Topic<String, V> t) {
    return driver.createInputTopic(t.name(), t.keySerde().serializer(), t.valueSerde().serializer());
  }

  private <V> TestOutputTopic<String, V> out(Topic<String, V> t) {
    return driver.createOutputTopic(t.name(), t.keySerde().deserializer(), t.valueSerde().deserializer());
  }

  /** The driver, e.g. to advance wall-clock time. */
  public TopologyTestDriver driver() {
    return driver;
  }

  /**
   * Closes the driver and opens a new one on the same state directory, as a restarted process
   * would. TopologyTestDriver wipes its state directory after closing (a real instance keeps it),
   * so the flushed, checkpointed task directories are copied aside while the task closes
   * ({@link SnapshotOnClose}) and put back before the new driver opens them.
   */
  public void restart() {
    saveOnClose = true;
    driver.close();
    saveOnClose = false;
    copyTasks(savedDir, stateDir.resolve(APP_ID));
    open();
  }

  private void saveTasks() {
    if (saveOnClose) {
      copyTasks(stateDir.resolve(APP_ID), savedDir);
    }
  }

  private static void copyTasks(Path from, Path to) {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path p : tree.toList()) {
        Path rel = from.relativize(p);
        if (rel.startsWith("global") || p.getFileName().toString().equals("LOCK")) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.close();
  }

  // ------------------------------------------------------------------ record factories

  /** An urban (grade II) air station. */
  public static Station airStation(String id, String district) {
    return station(id, district, Medium.AIR).build();
  }

  /** A station builder with the required fields set. */
  public static Station.Builder station(String id, String district, Medium medium) {
    return Station.newBuilder().setId(id).setName(id).setMedium(medium).setDistrict(district)
        .setLatitude(39.9).setLongitude(116.4);
  }

  /** A valid aggregate of one Beijing natural day. */
  public static Aggregate daily(String station, String district, String parameter, String date, double value,
                                int revision) {
    long start = Instant.parse(date + "T00:00:00+08:00").toEpochMilli();
    return Aggregate.newBuilder().setStationId(station).setDistrict(district).setMedium(Medium.AIR)
        .setParameter(parameter).setStatistic("DAILY_MEAN").setPeriodStart(Instant.ofEpochMilli(start))
        .setPeriodEnd(Instant.ofEpochMilli(start + 24 * HOUR)).setValue(value).setUnit("ug/m3").setCount(24)
        .setRequired(20).setValid(true).setStandard("GB 3095-2012").setRevision(revision).build();
  }

  /** A daily AQI record. */
  public static AqiRecord dailyAqi(String station, String district, String date, int aqi, int level,
                                   String category) {
    long start = Instant.parse(date + "T00:00:00+08:00").toEpochMilli();
    return AqiRecord.newBuilder().setStationId(station).setDistrict(district).setPeriod("DAY")
        .setPeriodStart(Instant.ofEpochMilli(start)).setAqi(aqi).setLevel(level).setCategory(category)
        .setPrimaryPollutants(List.of("PM2_5")).setStandard("HJ 633-2012").build();
  }

  /** A valid hourly value. */
  public static HourlyValue hour(String station, String district, Medium medium, String parameter, Instant start,
                                 double value, String unit) {
    return HourlyValue.newBuilder().setStationId(station).setDistrict(district).setMedium(medium)
        .setParameter(parameter).setHourStart(start).setValue(value).setUnit(unit).setSamples(1)
        .setSampleMinutes(60).setValid(true).build();
  }
}
