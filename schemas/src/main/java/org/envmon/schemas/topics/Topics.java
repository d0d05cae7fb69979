package org.envmon.schemas.topics;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.schemas.serde.AvroSerdes;

/** Every topic envmon reads or writes: the one place topic names live. */
public final class Topics {
  private Topics() {}

  private static final Serde<String> KEY = Serdes.String();

  /**
   * Station id of the end-of-input marker: a reading with this id, sent to every partition of
   * {@link #READINGS} after a finite feed, makes the streams stage close every open window.
   */
  public static final String END_OF_INPUT_STATION_ID = "__end_of_input__";

  public static final Topic<String, Reading> READINGS = new Topic<>("envmon.readings", KEY,
      AvroSerdes.of(Reading.class), false, "Accepted readings from every ingest path, key = station id.");
  public static final Topic<String, String> READINGS_RAW = new Topic<>("envmon.readings.raw", KEY,
      Serdes.String(), false, "JSON readings from third-party producers, validated into envmon.readings.");
  public static final Topic<String, DeadLetter> READINGS_DLQ = new Topic<>("envmon.readings.dlq", KEY,
      AvroSerdes.of(DeadLetter.class), false, "Inputs ingest or streams could not use, with the reason.");
  public static final Topic<String, Reading> LATE = new Topic<>("envmon.late", KEY,
      AvroSerdes.of(Reading.class), false, "Readings later than the grace period; they trigger recomputation.");
  public static final Topic<String, Station> STATIONS = new Topic<>("envmon.stations", KEY,
      AvroSerdes.of(Station.class), true, "The station registry, compacted, key = station id.");
  public static final Topic<String, HourlyValue> HOURLY = new Topic<>("envmon.hourly", KEY,
      AvroSerdes.of(HourlyValue.class), false, "Hourly means after QC, key = station|parameter.");
  public static final Topic<String, Aggregate> AGGREGATES = new Topic<>("envmon.aggregates", KEY,
      AvroSerdes.of(Aggregate.class), false, "Rolling, daily, MDA8, noise and water statistics.");
  public static final Topic<String, AqiRecord> AQI = new Topic<>("envmon.aqi", KEY,
      AvroSerdes.of(AqiRecord.class), false, "Hourly and daily AQI per station.");
  public static final Topic<String, Alert> ALERTS = new Topic<>("envmon.alerts", KEY,
      AvroSerdes.of(Alert.class), false, "Alert transitions, key = alert id.");
  public static final Topic<String, PlanProgress> PLAN_PROGRESS = new Topic<>("envmon.plan-progress", KEY,
      AvroSerdes.of(PlanProgress.class), false, "District and city year-to-date progress against plan targets.");
  public static final Topic<String, DeadLetter> SINK_DLQ = new Topic<>("envmon.sink.dlq", KEY,
      AvroSerdes.of(DeadLetter.class), false, "Points or deliveries a sink could not write, with the reason.");

  /** All topics, in the order they are created. */
  public static List<Topic<?, ?>> all() {
    return List.of(READINGS, READINGS_RAW, READINGS_DLQ, LATE, STATIONS, HOURLY, AGGREGATES, AQI,
        ALERTS, PLAN_PROGRESS, SINK_DLQ);
  }
}
