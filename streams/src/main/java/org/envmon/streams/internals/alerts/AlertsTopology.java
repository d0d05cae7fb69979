package org.envmon.streams.internals.alerts;

import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.Alert;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.topics.Topics;

/**
 * Standards evaluation: valid aggregates and valid hourly means against the catalog rules of
 * their station, and daily AQI against the AQI categories, each through the alert state machine
 * into {@link Topics#ALERTS} (key = alert id). Everything runs in the readings' task, one
 * exactly-once hop from the reading: the 1-hour rules on the station's own hourly values
 * ({@link #addHourlyRulesTo}), aggregates and AQI on the core's streams of them ({@link #addTo}).
 */
public final class AlertsTopology {
  /** Alert state of the aggregate rules (daily, rolling, MDA8, noise ...), per (station, rule). */
  public static final String AGGREGATE_STATE = "alerts-aggregate-state";
  /** Alert state of the 1-hour rules. */
  public static final String HOURLY_STATE = "alerts-hourly-state";
  /** Alert state of the daily AQI alerts. */
  public static final String AQI_STATE = "alerts-aqi-state";

  private AlertsTopology() {}

  /** Adds the evaluation of aggregates and daily AQI. */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    inputs.aggregates()
        .flatMapValues(a -> Measurement.of(a).map(List::of).orElse(List.of()), Named.as("alerts-aggregate-judgeable"))
        .process(RuleEvaluationProcessor.supplier(settings.catalog(), settings.alerts(), AGGREGATE_STATE),
            Named.as("alerts-aggregate-evaluation"))
        .to(Topics.ALERTS.name(), produced("alerts-aggregate-sink"));
    inputs.aqi()
        .process(AqiAlertProcessor.supplier(settings.catalog(), settings.alerts(), AQI_STATE),
            Named.as("alerts-aqi-evaluation"))
        .to(Topics.ALERTS.name(), produced("alerts-aqi-sink"));
  }

  /** Adds the evaluation of hourly means against the 1-hour rules. */
  public static void addHourlyRulesTo(KStream<String, HourlyValue> hourly, EvaluationSettings settings) {
    hourly
        .flatMapValues(h -> Measurement.of(h).map(List::of).orElse(List.of()), Named.as("alerts-hourly-judgeable"))
        .process(RuleEvaluationProcessor.supplier(settings.catalog(), settings.alerts(), HOURLY_STATE),
            Named.as("alerts-hourly-evaluation"))
        .to(Topics.ALERTS.name(), produced("alerts-hourly-sink"));
  }

  /** Named sink into the alerts topic. */
  static Produced<String, Alert> produced(String name) {
    return Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName(name);
  }
}
