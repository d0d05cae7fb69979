package org.envmon.streams.internals;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.streams.EndOfInput;
import org.envmon.streams.qc.QcVerdict;
import org.envmon.streams.qc.QualityControl;
import org.envmon.standards.Parameter;

/**
 * QC of readings of every medium, before any averaging: runs {@link QualityControl} with the
 * series' history (store {@link #STORE}), forwards usable readings as {@link QcSample}s and
 * unusable ones as dead letters.
 */
public final class QcProcessor implements Processor<String, Reading, String, QcOutcome> {
  /** Processor name. */
  public static final String NAME = "qc";
  /** QC history per station, all its parameters in one value ({@link StationQcHistory}). */
  public static final String STORE = "qc-history";

  private static final int HOUR_SECONDS = 3600;
  private final QualityControl qualityControl;
  private ProcessorContext<String, QcOutcome> context;
  private KeyValueStore<String, StationQcHistory> history;
  private StationsStore stations;

  public QcProcessor(QualityControl qualityControl) {
    this.qualityControl = qualityControl;
  }

  public static StoreBuilder<KeyValueStore<String, StationQcHistory>> storeBuilder() {
    return StateStores.writeBehindInMemory(STORE, StationQcHistory.SERDE);
  }

  @Override
  public void init(ProcessorContext<String, QcOutcome> context) {
    this.context = context;
    this.history = context.getStateStore(STORE);
    this.stations = StationsStore.of(context);
  }

  @Override
  public void process(Record<String, Reading> record) {
    Reading reading = record.value();
    if (EndOfInput.isMarker(record.key()) || reading != null && EndOfInput.isMarker(reading.getStationId())) {
      context.forward(record.withValue(QcOutcome.endOfInputMarker()));
      return;
    }
    if (reading == null) {
      return; // a tombstone carries no reading
    }
    String where = coordinates();
    Optional<Parameter> parameter = Parameter.fromCode(reading.getParameter());
    if (parameter.isEmpty()) {
      reject(record, "UNKNOWN_PARAMETER", "'" + reading.getParameter()
          + "' is not a parameter envmon knows; see org.envmon.standards.Parameter for the codes", where);
      return;
    }
    if (!parameter.get().medium().equals(reading.getMedium().name())) {
      reject(record, "UNKNOWN_PARAMETER", parameter.get().code() + " is a " + parameter.get().medium()
          + " parameter but the reading says medium " + reading.getMedium() + "; fix the station's medium", where);
      return;
    }
    long observedAt = reading.getObservedAt().toEpochMilli();
    StationQcHistory station = history.get(reading.getStationId());
    if (station == null) {
      station = new StationQcHistory();
    }
    QcVerdict verdict = qualityControl.check(parameter.get(), reading.getValue(), reading.getUnit(),
        reading.getFlag(), observedAt, BeijingTime.date(observedAt), station.get(parameter.get().code()));
    if (!verdict.usable()) {
      reject(record, "QC_UNUSABLE", verdict.rejection(), where);
      return;
    }
    station.put(parameter.get().code(), verdict.history());
    history.put(reading.getStationId(), station);
    boolean hourlyMean = reading.getPeriodSeconds() >= HOUR_SECONDS;
    context.forward(record.withValue(QcOutcome.accepted(new QcSample(reading, parameter.get(), verdict.value(),
        verdict.valid(), verdict.flags(), sampleMinutes(reading, hourlyMean), hourlyMean, where))));
  }

  /**
   * Minutes of sampling one reading stands for: what the feed reports, else a whole hour for an
   * hourly mean, else the station's expected cadence (falling back to the reading's period).
   */
  private int sampleMinutes(Reading reading, boolean hourlyMean) {
    if (reading.getSampleMinutes() != null) {
      return Math.max(0, Math.min(60, reading.getSampleMinutes()));
    }
    if (hourlyMean) {
      return 60;
    }
    // Per reading: no Optional chain here, its boxing and lambdas were 5 % of the stream threads.
    Station station = stations.find(reading.getStationId()).orElse(null);
    int cadence = station == null ? 0 : station.getCadenceSeconds();
    int seconds = cadence > 0 && cadence < HOUR_SECONDS ? cadence : reading.getPeriodSeconds();
    return Math.max(1, seconds / 60);
  }

  private void reject(Record<String, Reading> record, String code, String reason, String where) {
    context.forward(record.withValue(QcOutcome.rejected(DeadLetters.of(code, reason, where,
        record.value().getStationId(), record.value().toString(), context.currentSystemTimeMs()))));
  }

  private String coordinates() {
    return context.recordMetadata()
        .map(m -> DeadLetters.coordinates(m.topic(), m.partition(), m.offset()))
        .orElse("unknown");
  }
}
