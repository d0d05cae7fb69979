package org.envmon.streams.internals.health;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * Station health, judged on the hourly values of the core's station-keyed hour batches: one
 * task sees a station's hours in the order its hourly stage closed them. (Reading them back from envmon.hourly, keyed
 * station|parameter, mixed the parameters' partitions and could count hours out of order.)
 */
public final class HealthTopology {
  /** Per-station activity and open health episode. */
  public static final String STATE = "health-activity";

  private HealthTopology() {}

  /** Adds the station-health stage to the station-keyed hourly values of the core's hour batches. */
  public static void addTo(KStream<String, HourlyValue> stationHourly, EvaluationSettings settings) {
    stationHourly
        .process(StationHealthProcessor.supplier(settings.health(), STATE), Named.as("health-check"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("health-alerts-sink"));
  }
}
