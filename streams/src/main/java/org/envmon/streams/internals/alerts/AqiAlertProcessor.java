package org.envmon.streams.internals.alerts;

import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.Medium;
import org.envmon.standards.catalog.Catalog;

/**
 * Daily AQI alerts: a day above the good band opens an episode per station, escalating with the
 * AQI category (HJ 633 Table 2) and clearing with hysteresis. Hourly AQI records and unpublished
 * AQIs (null) are not judged.
 */
public final class AqiAlertProcessor implements Processor<String, AqiRecord, String, Alert> {
  /** Id of the AQI alert rule (the categories are the catalog's HJ 633 Table 2). */
  public static final String RULE_ID = "HJ633.AQI_DAY.ABOVE_GOOD";
  private static final String RULE_SOURCE = "HJ 633 Table 2 (AQI categories; good day = daily AQI within 良)";

  private final Catalog catalog;
  private final AlertPolicy policy;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private EpisodeStore episodes;

  private AqiAlertProcessor(Catalog catalog, AlertPolicy policy, String storeName) {
    this.catalog = catalog;
    this.policy = policy;
    this.storeName = storeName;
  }

  /** A supplier whose processors keep their alert state in {@code storeName}. */
  public static ProcessorSupplier<String, AqiRecord, String, Alert> supplier(Catalog catalog, AlertPolicy policy,
                                                                            String storeName) {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(policy, "policy");
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, AqiRecord, String, Alert> get() {
        return new AqiAlertProcessor(catalog, policy, storeName);
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
    this.episodes = new EpisodeStore(context.getStateStore(storeName));
  }

  @Override
  public void process(Record<String, AqiRecord> record) {
    AqiRecord r = record.value();
    if (r == null || !"DAY".equals(r.getPeriod()) || r.getAqi() == null || r.getLevel() == null) {
      return;
    }
    int goodMax = AqiSeverity.goodDayMaximum(catalog.categories());
    Threshold threshold = Threshold.withClearRatio(goodMax, Direction.ABOVE, policy.clearRatio(RULE_ID));
    Observation o = new Observation(r.getPeriodStart().toEpochMilli(), r.getRevision(), r.getAqi(),
        AqiSeverity.ofLevel(r.getLevel()));
    episodes.judge(r.getStationId(), RULE_ID, o, threshold, policy.pending(RULE_ID)).ifPresent(t -> {
      AlertSubject subject = new AlertSubject(r.getStationId(), r.getDistrict(), Medium.AIR);
      JudgedRule rule = new JudgedRule(RULE_ID, RULE_SOURCE, "AQI", "AQI_DAY", "", r.getStandard(), false);
      String category = r.getCategory() == null ? "" : "Category " + r.getCategory() + ".";
      Alert alert = AlertRecords.of(subject, rule, t, category);
      context.forward(record.withKey(alert.getAlertId()).withValue(alert));
    });
  }
}
