package org.envmon.streams.internals.water;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.Station;
import org.envmon.standards.water.WaterClass;
import org.envmon.streams.internals.StationsStore;
import org.envmon.streams.internals.alerts.AlertPolicy;
import org.envmon.streams.internals.alerts.AlertRecords;
import org.envmon.streams.internals.alerts.AlertSubject;
import org.envmon.streams.internals.alerts.Direction;
import org.envmon.streams.internals.alerts.EpisodeStore;
import org.envmon.streams.internals.alerts.JudgedRule;
import org.envmon.streams.internals.alerts.Observation;
import org.envmon.streams.internals.alerts.Severity;
import org.envmon.streams.internals.alerts.StationQueries;
import org.envmon.streams.internals.alerts.Threshold;

/**
 * Compares a section's class (SECTION aggregates) with its target class from the station
 * registry: worse than the target opens an alert (critical for 劣V), back at or better than the
 * target clears it. Class numbers have no hysteresis: the clear level is the target itself.
 */
public final class WaterTargetProcessor implements Processor<String, Aggregate, String, Alert> {
  /** Id of the rule (the target class comes from the station registry). */
  public static final String RULE_ID = "GB3838-2002.SECTION.TARGET_CLASS";
  private static final String RULE_SOURCE = "GB 3838-2002 single-factor section class vs the section's target class";

  private final AlertPolicy policy;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private StationsStore stations;
  private EpisodeStore episodes;

  private WaterTargetProcessor(AlertPolicy policy, String storeName) {
    this.policy = policy;
    this.storeName = storeName;
  }

  /** A supplier keeping section episodes in {@code storeName}. */
  public static ProcessorSupplier<String, Aggregate, String, Alert> supplier(AlertPolicy policy, String storeName) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Aggregate, String, Alert> get() {
        return new WaterTargetProcessor(policy, storeName);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(EpisodeStore.builder(storeName));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.stations = StationsStore.of(context);
    this.episodes = new EpisodeStore(context.getStateStore(storeName));
  }

  @Override
  public void process(Record<String, Aggregate> record) {
    Aggregate a = record.value();
    Optional<Station> station = stations.find(a.getStationId());
    if (!WaterEvaluation.SECTION.equals(a.getParameter()) || station.isEmpty()
        || station.get().getWaterTargetClass() == null || a.getValue() == null) {
      return;
    }
    int target = station.get().getWaterTargetClass();
    double observed = a.getValue();
    Threshold threshold = new Threshold(target, target, Direction.ABOVE);
    Severity severity = observed >= WaterEvaluation.number(WaterClass.WORSE_THAN_V) ? Severity.CRITICAL
        : observed - target >= 2 ? Severity.MAJOR : Severity.WARNING;
    Observation o = new Observation(a.getPeriodStart().toEpochMilli(), a.getRevision(), observed, severity);
    episodes.judge(a.getStationId(), RULE_ID, o, threshold, policy.pending(RULE_ID)).ifPresent(t -> {
      JudgedRule rule = new JudgedRule(RULE_ID, RULE_SOURCE, WaterEvaluation.SECTION, a.getStatistic(), "class",
          a.getStandard(), false);
      String reason = "Section class " + WaterClass.values()[(int) observed - 1].display() + " ("
          + WaterClass.values()[(int) observed - 1].label() + "), target class " + StationQueries.roman(target) + ".";
      Alert alert = AlertRecords.of(new AlertSubject(a.getStationId(), a.getDistrict(), a.getMedium()), rule, t, reason);
      context.forward(record.withKey(alert.getAlertId()).withValue(alert));
    });
  }
}
