package org.envmon.streams.internals.plan;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.Comparison;
import org.envmon.standards.catalog.WarningRule;
import org.envmon.streams.internals.alerts.AlertPolicy;
import org.envmon.streams.internals.alerts.AlertRecords;
import org.envmon.streams.internals.alerts.AlertSubject;
import org.envmon.streams.internals.BeijingTime;
import org.envmon.streams.internals.alerts.Direction;
import org.envmon.streams.internals.alerts.EpisodeStore;
import org.envmon.streams.internals.alerts.JudgedRule;
import org.envmon.streams.internals.alerts.Observation;
import org.envmon.streams.internals.alerts.Severity;
import org.envmon.streams.internals.alerts.Threshold;

/**
 * Plan alerts per scope: "off track" when a year-to-date value passes its target (cleared when it
 * is back on track; no hysteresis: the target is the clear level), and the heavy-pollution warning
 * level of the current run of polluted days (escalating blue -> red, cleared when the run ends).
 */
public final class PlanAlertProcessor implements Processor<String, ClosedDay, String, Alert> {
  /** Id of the warning-level alert rule (the matched catalog warning rule is named in the message). */
  public static final String WARNING_RULE_ID = "BJ-WARN.observed-run";
  private static final String WARNING_SOURCE = "Beijing heavy-pollution emergency plan (catalog warnings, UNCONFIRMED)";

  private final Catalog catalog;
  private final AlertPolicy policy;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private EpisodeStore episodes;

  private PlanAlertProcessor(Catalog catalog, AlertPolicy policy, String storeName) {
    this.catalog = catalog;
    this.policy = policy;
    this.storeName = storeName;
  }

  /** A supplier keeping plan episodes in {@code storeName}. */
  public static ProcessorSupplier<String, ClosedDay, String, Alert> supplier(Catalog catalog, AlertPolicy policy,
                                                                            String storeName) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, ClosedDay, String, Alert> get() {
        return new PlanAlertProcessor(catalog, policy, storeName);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(EpisodeStore.builder(storeName));
      }
    };
  }

  /** Alert rule id of a target, e.g. {@code plan.pm25_annual.2026}. */
  public static String ruleId(PlanProgress p) {
    return "plan." + p.getTarget() + "." + p.getYear();
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.episodes = new EpisodeStore(context.getStateStore(storeName));
  }

  @Override
  public void process(Record<String, ClosedDay> record) {
    ClosedDay day = record.value();
    AlertSubject subject = new AlertSubject(day.scope(), PlanInput.CITY.equals(day.scope()) ? "" : day.scope(),
        Medium.AIR);
    long asOf = BeijingTime.startOf(day.date());
    for (TargetProgress tp : day.progress()) {
      PlanProgress p = tp.progress();
      Direction direction = tp.target().comparison() == Comparison.BELOW ? Direction.BELOW : Direction.ABOVE;
      Threshold threshold = new Threshold(p.getTargetValue(), p.getTargetValue(), direction);
      Observation o = new Observation(asOf, 0, p.getActual(), Severity.WARNING);
      String ruleId = ruleId(p);
      episodes.judge(day.scope(), ruleId, o, threshold, policy.pending(ruleId)).ifPresent(t -> {
        boolean pm25 = PlanProgressCalculator.PM25.equals(p.getTarget());
        JudgedRule rule = new JudgedRule(ruleId, p.getSource(), pm25 ? "PM2_5" : "AQI", "PLAN",
            pm25 ? tp.target().unit() : "", "plan target " + p.getYear(), false);
        String redated = p.getRedatedFrom() == null ? ""
            : " Data of " + p.getRedatedFrom() + " judged by the " + p.getYear() + " target (re-dated).";
        String reason = "Year to date over " + p.getDays() + " days: " + p.getTarget() + " "
            + (t.state() == AlertState.CLEARED ? "back on track." : "off track.") + redated;
        forward(record, AlertRecords.of(subject, rule, t, reason));
      });
    }
    judgeWarningLevel(record, day, subject, asOf);
  }

  private void judgeWarningLevel(Record<String, ClosedDay> record, ClosedDay day, AlertSubject subject, long asOf) {
    Optional<WarningRule> level = WarningLevels.highest(catalog.warnings(day.date()), day.pollutedRun());
    int rank = level.map(r -> WarningLevels.rank(r.level())).orElse(0);
    Observation o = new Observation(asOf, 0, rank, WarningLevels.severity(rank));
    episodes.judge(day.scope(), WARNING_RULE_ID, o, new Threshold(0, 0, Direction.ABOVE), 1).ifPresent(t -> {
      JudgedRule rule = new JudgedRule(WARNING_RULE_ID, WARNING_SOURCE, "AQI", "AQI_DAY_RUN", "", "", false);
      String reason = level.map(r -> "Warning level " + r.level() + " by " + r.id() + (r.unconfirmed() ? " (UNCONFIRMED)" : "")
          + ": consecutive polluted days' AQI " + day.pollutedRun() + ".").orElse("The polluted-day run has ended.");
      forward(record, AlertRecords.of(subject, rule, t, reason));
    });
  }

  private void forward(Record<String, ClosedDay> record, Alert alert) {
    context.forward(new Record<>(alert.getAlertId(), alert, record.timestamp()));
  }
}
