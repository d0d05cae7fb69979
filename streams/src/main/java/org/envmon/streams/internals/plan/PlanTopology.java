package org.envmon.streams.internals.plan;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.DayBatch;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * District and city plan progress: the valid daily AQI inputs of the core's station-days are
 * fanned out to their district and to "city", re-keyed by scope through {@value #REPARTITION}
 * (one producer per station, so a station's days and its end-of-input marker stay in order),
 * closed into days,
 * published as year-to-date {@link PlanProgress} (key scope|target|year) and judged into plan
 * alerts.
 */
public final class PlanTopology {
  /** Repartition topic name (suffix). */
  public static final String REPARTITION = "plan-by-district";
  /** Year-to-date state per scope. */
  public static final String YEAR_STATE = "plan-year-to-date";
  /** Open days' station values per scope|day. */
  public static final String OPEN_DAYS = "plan-open-days";
  /** Off-track and warning-level alert state per scope. */
  public static final String ALERT_STATE = "plan-alert-state";

  private PlanTopology() {}

  /** Adds the plan-progress stage to the station-keyed day batches. */
  public static void addTo(KStream<String, DayBatch> stationDays, EvaluationSettings settings) {
    KStream<String, ClosedDay> days = stationDays
        .flatMap((station, day) -> PlanInput.of(day).stream().map(in -> KeyValue.pair(in.scope(), in)).toList(),
            Named.as("plan-inputs-by-scope"))
        .repartition(Repartitioned.with(Serdes.String(), PlanInput.serde()).withName(REPARTITION))
        .process(PlanDayProcessor.supplier(settings.catalog(), settings.plan(), YEAR_STATE, OPEN_DAYS), Named.as("plan-close-days"));
    days.flatMap((scope, day) -> day.progress().stream()
                .map(tp -> KeyValue.pair(key(tp.progress()), tp.progress())).toList(),
            Named.as("plan-progress-records"))
        .to(Topics.PLAN_PROGRESS.name(), Produced.with(Topics.PLAN_PROGRESS.keySerde(), Topics.PLAN_PROGRESS.valueSerde())
            .withName("plan-progress-sink"));
    days.process(PlanAlertProcessor.supplier(settings.catalog(), settings.alerts(), ALERT_STATE),
            Named.as("plan-alerts"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("plan-alerts-sink"));
  }

  /** Key of a progress record: scope|target|year. */
  static String key(PlanProgress p) {
    return p.getScope() + "|" + p.getTarget() + "|" + p.getYear();
  }
}
