package org.envmon.streams.internals;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.StatisticResult;
import org.envmon.standards.air.AirStatistics;

/**
 * Rolling 24-hour means (PM2.5, PM10, SO2, NO2, CO) and 8-hour moving means (O3) from a
 * {@link RollingRing} per station|parameter, emitted for the window ending at each new hour;
 * a revised hour inside the ring re-emits the current window with the next revision. The
 * validity of each window is judged by {@link AirStatistics#movingMean}.
 */
public final class RollingMeanProcessor implements Processor<String, HourBatch, String, Aggregate> {
  public static final String NAME = "air-rolling-means";
  public static final String STORE = "air-rolling-rings";

  /** Which moving window envmon keeps for which parameter. */
  private static final Map<String, Statistic> WINDOWS = Map.of(
      Parameter.PM2_5.code(), Statistic.ROLLING_24H,
      Parameter.PM10.code(), Statistic.ROLLING_24H,
      Parameter.SO2.code(), Statistic.ROLLING_24H,
      Parameter.NO2.code(), Statistic.ROLLING_24H,
      Parameter.CO.code(), Statistic.ROLLING_24H,
      Parameter.O3.code(), Statistic.ROLLING_8H);

  private final AirStatistics statistics;
  private ProcessorContext<String, Aggregate> context;
  private KeyValueStore<String, RollingRing> rings;

  public RollingMeanProcessor(AirStatistics statistics) {
    this.statistics = statistics;
  }

  public static StoreBuilder<KeyValueStore<String, RollingRing>> storeBuilder() {
    return StateStores.writeBehindInMemory(STORE, RollingRing.SERDE);
  }

  @Override
  public void init(ProcessorContext<String, Aggregate> context) {
    this.context = context;
    this.rings = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, HourBatch> record) {
    for (HourlyValue hour : record.value().changed()) {
      Statistic window = WINDOWS.get(hour.getParameter());
      if (window != null) {
        update(hour, window, record.timestamp());
      }
    }
  }

  private void update(HourlyValue hour, Statistic window, long timestamp) {
    String key = StateKeys.series(hour.getStationId(), hour.getParameter());
    RollingRing ring = rings.get(key);
    if (ring == null) {
      ring = new RollingRing();
    }
    double value = hour.getValid() && hour.getValue() != null ? hour.getValue() : Double.NaN;
    RollingRing.Change change = ring.put(hour.getHourStart().toEpochMilli(), value);
    rings.put(key, ring);
    boolean emit = switch (change) {
      case NEW_HOUR, REVISED_BOTH -> true;
      case REVISED_24H -> window == Statistic.ROLLING_24H;
      case OUTSIDE -> false;
    };
    if (emit) {
      context.forward(new Record<>(StateKeys.statistic(hour.getStationId(), hour.getParameter(), window.name()),
          aggregate(hour, window, ring), timestamp));
    }
  }

  private Aggregate aggregate(HourlyValue hour, Statistic window, RollingRing ring) {
    int hours = window == Statistic.ROLLING_8H ? 8 : RollingRing.SIZE;
    long end = ring.latestHour() + BeijingTime.HOUR_MS;
    Parameter parameter = Parameter.fromCode(hour.getParameter()).orElseThrow();
    StatisticResult result = statistics.movingMean(BeijingTime.date(ring.latestHour()), parameter, window,
        ring.window(hours));
    return Aggregate.newBuilder()
        .setStationId(hour.getStationId())
        .setDistrict(hour.getDistrict())
        .setMedium(Medium.AIR)
        .setParameter(hour.getParameter())
        .setStatistic(window.name())
        .setPeriodStart(Instant.ofEpochMilli(end - hours * BeijingTime.HOUR_MS))
        .setPeriodEnd(Instant.ofEpochMilli(end))
        .setValue(result.value())
        .setUnit(parameter.unit())
        .setCount(result.count())
        .setRequired(result.required())
        .setValid(result.valid())
        .setStandard(result.standard())
        .setRevision(ring.revision(hours))
        .build();
  }
}
