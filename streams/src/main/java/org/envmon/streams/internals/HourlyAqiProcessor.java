package org.envmon.streams.internals;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.envmon.schemas.AqiRecord;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.StatisticResult;
import org.envmon.standards.air.AirStatistics;

/**
 * Real-time (hourly) AQI of each closed or revised station-hour. An SO2 1-h mean above 800 is
 * scored by the SO2 24-h moving mean ending with that hour (HJ 633-2012), read from the rolling
 * means' store, so this processor must run after {@link RollingMeanProcessor} on the same batch.
 */
public final class HourlyAqiProcessor implements Processor<String, HourBatch, String, AqiRecord> {
  public static final String NAME = "air-hourly-aqi";

  private final AqiRecords aqi;
  private final AirStatistics statistics;
  private ProcessorContext<String, AqiRecord> context;
  private KeyValueStore<String, RollingRing> rings;

  public HourlyAqiProcessor(AqiRecords aqi, AirStatistics statistics) {
    this.aqi = aqi;
    this.statistics = statistics;
  }

  @Override
  public void init(ProcessorContext<String, AqiRecord> context) {
    this.context = context;
    this.rings = context.getStateStore(RollingMeanProcessor.STORE);
  }

  @Override
  public void process(Record<String, HourBatch> record) {
    HourBatch batch = record.value();
    if (batch.all().isEmpty()) {
      return; // a clock tick
    }
    Double so2DayMean = AqiRecords.needsSo2DayMean(batch)
        ? so2DayMean(batch.stationId(), batch.all().get(0).getHourStart().toEpochMilli()) : null;
    aqi.hourly(batch, so2DayMean).ifPresent(r ->
        context.forward(new Record<>(StateKeys.aqi(batch.stationId(), AqiRecords.HOUR), r, record.timestamp())));
  }

  /** The valid SO2 24-h moving mean ending with {@code hourStart}, or null (not valid, or the hour is not the newest). */
  private Double so2DayMean(String station, long hourStart) {
    RollingRing ring = rings.get(StateKeys.series(station, Parameter.SO2.code()));
    if (ring == null || ring.latestHour() != hourStart) {
      return null;
    }
    StatisticResult mean = statistics.movingMean(BeijingTime.date(hourStart), Parameter.SO2, Statistic.ROLLING_24H,
        ring.window(RollingRing.SIZE));
    return mean.valid() ? mean.value() : null;
  }
}
