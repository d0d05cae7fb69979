package org.envmon.streams.internals.alerts;

import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.HourlyValue;
import org.envmon.streams.internals.BeijingTime;
import org.envmon.streams.internals.DayBatch;
import org.envmon.streams.internals.HourBatch;

/**
 * The station-keyed streams the core hands its station stages, made from the harness's topics
 * so those stages can be tested on hand-written hourly values and daily aggregates: each hourly
 * value is a batch of its own with the clock at the hour's end; each aggregate a day of its own.
 * Clock ticks and end markers come only from the real core (tested in AirTopologyTest).
 */
public final class StationKeyedInputs {
  private StationKeyedInputs() {}

  /** Hour batches of the hourly values piped into the harness. */
  public static KStream<String, HourBatch> hourBatches(EvaluationInputs inputs) {
    return inputs.hourly().map((key, h) -> KeyValue.pair(h.getStationId(), batch(h)), Named.as("test-hour-batches"));
  }

  /** Day batches of the aggregates piped into the harness. */
  public static KStream<String, DayBatch> dayBatches(EvaluationInputs inputs) {
    return inputs.aggregates().map((key, a) -> KeyValue.pair(a.getStationId(), day(a)), Named.as("test-day-batches"));
  }

  private static HourBatch batch(HourlyValue h) {
    long clock = h.getHourStart().toEpochMilli() + BeijingTime.HOUR_MS;
    return new HourBatch(h.getStationId(), clock, List.of(h), List.of(h));
  }

  private static DayBatch day(Aggregate a) {
    return new DayBatch(a.getStationId(), a.getPeriodStart().toEpochMilli(), a.getDistrict(), a.getRevision(),
        List.of(a));
  }
}
