package org.envmon.streams.internals.alerts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.Alert;
import org.envmon.schemas.Station;
import org.envmon.standards.Statistic;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.Comparison;
import org.envmon.standards.catalog.Rule;
import org.envmon.standards.catalog.RuleQuery;
import org.envmon.streams.internals.BeijingTime;
import org.envmon.streams.internals.StationsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each measurement against every catalog rule that applies to its station at its date,
 * runs the alert state machine per (station, rule) and forwards the transitions (key = alert id).
 */
public final class RuleEvaluationProcessor implements Processor<String, Measurement, String, Alert> {
  private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluationProcessor.class);

  private final Catalog catalog;
  private final AlertPolicy policy;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private StationsStore stations;
  private EpisodeStore episodes;
  /** Stations already reported as unregistered, so the log says it once per station, not per value. */
  private final Set<String> reportedUnknown = new HashSet<>();
  /** Per series (station, parameter, statistic): its last rule query and the rules it found. */
  private final Map<Series, LastQuery> lastQueries = new HashMap<>();

  private RuleEvaluationProcessor(Catalog catalog, AlertPolicy policy, String storeName) {
    this.catalog = catalog;
    this.policy = policy;
    this.storeName = storeName;
  }

  /** A supplier whose processors keep their alert state in the store {@code storeName}. */
  public static ProcessorSupplier<String, Measurement, String, Alert> supplier(Catalog catalog, AlertPolicy policy,
                                                                              String storeName) {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(policy, "policy");
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Measurement, String, Alert> get() {
        return new RuleEvaluationProcessor(catalog, policy, storeName);
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
  public void process(Record<String, Measurement> record) {
    Measurement m = record.value();
    if (!catalog.judges(m.parameter(), m.statistic())) {
      return; // no rule for it at any date (built-in catalog: 8 of the 12 air values of a station-hour)
    }
    Optional<Station> station = stations.find(m.stationId());
    if (station.isEmpty()) {
      if (reportedUnknown.add(m.stationId())) {
        LOG.warn("cannot judge {} {} of station '{}': the station is not in the registry (envmon.stations); "
            + "register it so its values are compared with the standards", m.parameter(), m.statistic(), m.stationId());
      }
      return;
    }
    Optional<RuleQuery> query = StationQueries.of(station.get(), m.parameter(), m.statistic(),
        BeijingTime.date(m.periodEnd() - 1));
    if (query.isEmpty()) {
      return;
    }
    List<Rule> rules = applicable(query.get());
    AlertSubject subject = new AlertSubject(m.stationId(), station.get().getDistrict(), m.medium());
    for (Rule rule : rules) {
      Threshold threshold = Threshold.withClearRatio(rule.limit(), direction(rule.comparison()),
          policy.clearRatio(rule.id()));
      Observation o = new Observation(m.periodStart(), m.revision(), m.value(), policy.severityOf(m.value(), threshold));
      episodes.judge(m.stationId(), rule.id(), o, threshold, policy.pending(rule.id())).ifPresent(t -> {
        JudgedRule judged = new JudgedRule(rule.id(), rule.source(), m.parameter(), m.statistic().name(), m.unit(),
            m.standard().isEmpty() ? rule.source() : m.standard(), rule.screening());
        Alert alert = AlertRecords.of(subject, judged, t, "");
        context.forward(record.withKey(alert.getAlertId()).withValue(alert));
      });
    }
  }

  /**
   * The catalog's rules for the query. A series' measurements come in date order, so the rules of
   * each series' last query are kept: 24 hourly values of a day share one catalog lookup.
   */
  private List<Rule> applicable(RuleQuery query) {
    Series series = new Series(query.stationId(), query.parameter(), query.statistic());
    LastQuery last = lastQueries.get(series);
    if (last == null || !last.query().equals(query)) {
      last = new LastQuery(query, catalog.applicable(query));
      lastQueries.put(series, last);
    }
    return last.rules();
  }

  private record Series(String stationId, String parameter, Statistic statistic) {}

  private record LastQuery(RuleQuery query, List<Rule> rules) {}

  static Direction direction(Comparison comparison) {
    return comparison == Comparison.BELOW ? Direction.BELOW : Direction.ABOVE;
  }
}
