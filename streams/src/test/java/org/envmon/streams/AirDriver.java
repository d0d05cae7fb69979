package org.envmon.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.BeijingZone;

/** A TopologyTestDriver over the envmon topology with typed topics and reading builders. */
final class AirDriver implements AutoCloseable {
  static final String STATION = "Dongsi";
  static final Instant WALL_START = Instant.parse("2030-01-01T00:00:00Z");

  final TopologyTestDriver driver;
  final TestInputTopic<String, Reading> readings;
  final TestInputTopic<String, byte[]> rawReadings;
  final TestInputTopic<String, Station> stations;
  final TestOutputTopic<String, HourlyValue> hourly;
  final TestOutputTopic<String, Aggregate> aggregates;
  final TestOutputTopic<String, AqiRecord> aqi;
  final TestOutputTopic<String, Reading> late;
  final TestOutputTopic<String, DeadLetter> deadLetters;
  final TestOutputTopic<String, Alert> alerts;
  final TestOutputTopic<String, PlanProgress> planProgress;

  AirDriver(StreamsSettings settings, Path stateDir) {
    Properties props = settings.toProperties("unused:9092");
    props.put("state.dir", stateDir.toString());
    // The test driver drops records a handler returns for the dead-letter queue when it emulates
    // exactly-once (seen with kafka-streams-test-utils 4.3.1); StreamsIT covers exactly-once.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(EnvmonTopology.build(settings), props, WALL_START);
    readings = input(Topics.READINGS);
    rawReadings = driver.createInputTopic(Topics.READINGS.name(), new StringSerializer(), new ByteArraySerializer());
    stations = input(Topics.STATIONS);
    hourly = output(Topics.HOURLY);
    aggregates = output(Topics.AGGREGATES);
    aqi = output(Topics.AQI);
    late = output(Topics.LATE);
    deadLetters = output(Topics.READINGS_DLQ);
    alerts = output(Topics.ALERTS);
    planProgress = output(Topics.PLAN_PROGRESS);
    stations.pipeInput(STATION, station(STATION, 3600));
  }

  AirDriver(Path stateDir) {
    this(StreamsSettings.builder().forTests().build(), stateDir);
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  static Station station(String id, int cadenceSeconds) {
    return Station.newBuilder().setId(id).setName(id).setMedium(Medium.AIR).setDistrict("东城")
        .setLatitude(39.93).setLongitude(116.42).setCadenceSeconds(cadenceSeconds).build();
  }

  /** Beijing local time as UTC instant. */
  static Instant beijing(LocalDate date, int hour, int minute) {
    return LocalDateTime.of(date, java.time.LocalTime.MIN).plusHours(hour).plusMinutes(minute)
        .toInstant(BeijingZone.OFFSET);
  }

  static Reading hourlyReading(String station, String parameter, Instant hourStart, double value, String unit) {
    return Reading.newBuilder().setStationId(station).setParameter(parameter).setMedium(Medium.AIR)
        .setObservedAt(hourStart).setPeriodSeconds(3600).setValue(value).setUnit(unit).setFlag("N")
        .setSource("test").setReceivedAt(hourStart.plus(Duration.ofHours(1))).build();
  }

  static Reading minuteReading(String station, String parameter, Instant at, double value) {
    return Reading.newBuilder().setStationId(station).setParameter(parameter).setMedium(Medium.AIR)
        .setObservedAt(at).setPeriodSeconds(60).setValue(value).setUnit("ug/m3")
        .setSource("test").setReceivedAt(at).build();
  }

  /** Pipes one hourly reading keyed by its station. */
  void pipe(Reading reading) {
    readings.pipeInput(reading.getStationId(), reading, reading.getObservedAt());
  }

  /** Pipes the end-of-input marker. */
  void endOfInput(Instant at) {
    Reading marker = hourlyReading(EndOfInput.STATION_ID, "PM2_5", at, 0, "ug/m3");
    readings.pipeInput(EndOfInput.STATION_ID, marker, at);
  }

  List<Aggregate> aggregates(String parameter, String statistic) {
    return aggregates.readValuesToList().stream()
        .filter(a -> a.getParameter().equals(parameter) && a.getStatistic().equals(statistic))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    driver.close();
  }
}
