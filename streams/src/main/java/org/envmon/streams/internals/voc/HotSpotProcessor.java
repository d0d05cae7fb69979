package org.envmon.streams.internals.voc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateStores;
import org.envmon.schemas.Alert;
import org.envmon.schemas.HourlyValue;
import org.envmon.streams.internals.alerts.AlertPolicy;
import org.envmon.streams.internals.alerts.AlertRecords;
import org.envmon.streams.internals.alerts.AlertSubject;
import org.envmon.streams.internals.alerts.Direction;
import org.envmon.streams.internals.alerts.EpisodeStore;
import org.envmon.streams.internals.alerts.JudgedRule;
import org.envmon.streams.internals.alerts.Observation;
import org.envmon.streams.internals.alerts.Threshold;

/**
 * VOCs hot spots (高值点位): each valid hourly value of a (station, compound) is compared with
 * k times the median of the preceding baseline hours, through the alert state machine; then it
 * joins the baseline. Input keyed station|parameter.
 */
public final class HotSpotProcessor implements Processor<String, HourlyValue, String, Alert> {
  /** Rule id prefix; the compound is appended (one episode per station and compound). */
  public static final String RULE_PREFIX = "envmon.voc-hot-spot.";
  private static final long HOUR_MS = 3_600_000L;

  private final HotSpotPolicy policy;
  private final AlertPolicy alerts;
  private final String baselineStore;
  private final String episodeStore;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, HourlyBaseline> baselines;
  private EpisodeStore episodes;

  private HotSpotProcessor(HotSpotPolicy policy, AlertPolicy alerts, String baselineStore, String episodeStore) {
    this.policy = policy;
    this.alerts = alerts;
    this.baselineStore = baselineStore;
    this.episodeStore = episodeStore;
  }

  /** A supplier with its baseline and alert-state stores. */
  public static ProcessorSupplier<String, HourlyValue, String, Alert> supplier(HotSpotPolicy policy, AlertPolicy alerts,
                                                                              String baselineStore, String episodeStore) {
    StoreBuilder<KeyValueStore<String, HourlyBaseline>> baseline = StateStores.writeBehind(baselineStore, HourlyBaselineSerde.serde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, HourlyValue, String, Alert> get() {
        return new HotSpotProcessor(policy, alerts, baselineStore, episodeStore);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(baseline, EpisodeStore.builder(episodeStore));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.baselines = context.getStateStore(baselineStore);
    this.episodes = new EpisodeStore(context.getStateStore(episodeStore));
  }

  @Override
  public void process(Record<String, HourlyValue> record) {
    HourlyValue h = record.value();
    String key = h.getStationId() + "|" + h.getParameter();
    long start = h.getHourStart().toEpochMilli();
    long hour = Math.floorDiv(start, HOUR_MS);
    HourlyBaseline baseline = baselines.get(key);
    if (baseline == null) {
      baseline = HourlyBaseline.empty(policy.baselineHours());
    }
    OptionalDouble median = HourlyBaseline.median(baseline.before(hour), policy.minBaselineValues());
    if (median.isPresent() && median.getAsDouble() > 0) {
      judge(record, h, start, median.getAsDouble());
    }
    baselines.put(key, baseline.with(hour, h.getValue()));
  }

  private void judge(Record<String, HourlyValue> record, HourlyValue h, long start, double median) {
    String ruleId = RULE_PREFIX + h.getParameter();
    Threshold threshold = Threshold.withClearRatio(policy.k() * median, Direction.ABOVE, alerts.clearRatio(ruleId));
    Observation o = new Observation(start, h.getRevision(), h.getValue(), alerts.severityOf(h.getValue(), threshold));
    episodes.judge(h.getStationId(), ruleId, o, threshold, alerts.pending(ruleId)).ifPresent(t -> {
      JudgedRule rule = new JudgedRule(ruleId, "envmon VOCs hot-spot policy (k x median of the preceding "
          + policy.baselineHours() + " h)", h.getParameter(), "HOT_SPOT", h.getUnit(), "", false);
      String reason = "Hot-spot check: k = " + policy.k() + " x baseline median " + round(median) + " " + h.getUnit() + ".";
      Alert alert = AlertRecords.of(new AlertSubject(h.getStationId(), h.getDistrict(), h.getMedium()), rule, t, reason);
      context.forward(record.withKey(alert.getAlertId()).withValue(alert));
    });
  }

  private static String round(double v) {
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
