package org.envmon.streams.internals;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.air.AirStatistics;
import org.envmon.standards.aqi.AqiCalculator;
import org.envmon.streams.StreamsSettings;
import org.envmon.streams.internals.alerts.AlertsTopology;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.envmon.streams.internals.health.HealthTopology;
import org.envmon.streams.internals.noise.NoiseTopology;
import org.envmon.streams.internals.plan.PlanTopology;
import org.envmon.streams.internals.water.WaterTopology;
import org.envmon.streams.qc.QualityControl;

/**
 * The core sub-topology: QC and hourly values of every medium (to envmon.hourly), then for air
 * the rolling means, daily statistics and hourly and daily AQI; the 1-hour rules (one
 * exactly-once hop from reading to alert); and the stages that need one station's hours in order
 * with its clock: station health, noise periods, water periods, and the plan-progress inputs
 * (repartitioned by district from here). All run in the readings' task (partitioned by station
 * id), and so do the evaluation stage and the status stores fed from {@link #addTo}'s result.
 */
public final class CoreTopology {
  private CoreTopology() {}

  /**
   * Adds the core to {@code builder} and returns what it writes to the evaluation stage's topics
   * as streams of this sub-topology (station-keyed partitions, keys as in the topics).
   */
  public static EvaluationInputs addTo(StreamsBuilder builder, KStream<String, Reading> readings,
                                       StreamsSettings settings) {
    AirStatistics statistics = new AirStatistics(settings.catalog());
    AqiRecords aqi = new AqiRecords(new AqiCalculator(settings.catalog()));
    QualityControl qualityControl = new QualityControl(settings.qcPolicy());
    builder.addStateStore(QcProcessor.storeBuilder());
    builder.addStateStore(HourlyMeanProcessor.clocksStoreBuilder());
    builder.addStateStore(HourlyMeanProcessor.hoursStoreBuilder());
    builder.addStateStore(RollingMeanProcessor.storeBuilder());
    builder.addStateStore(DailyStatisticsProcessor.storeBuilder());

    KStream<String, QcOutcome> qc = readings.process(() -> new QcProcessor(qualityControl),
        Named.as(QcProcessor.NAME), QcProcessor.STORE);
    qc.flatMapValues(QcOutcome::deadLetters, Named.as("qc-dead-letters"))
        .to(Topics.READINGS_DLQ.name(), produced(Topics.READINGS_DLQ, "qc-dlq-sink"));

    DayCloseSpread dayCloseSpread = new DayCloseSpread(settings.dayCloseSpread());
    KStream<String, HourlyOutcome> hourly = qc.process(() -> new HourlyMeanProcessor(statistics,
            settings.grace(), settings.lateBound(), settings.punctuationInterval(), settings.stationSilence(),
            dayCloseSpread.tickIntervalMs()),
        Named.as(HourlyMeanProcessor.NAME), HourlyMeanProcessor.CLOCKS_STORE, HourlyMeanProcessor.HOURS_STORE);
    hourly.flatMapValues(HourlyOutcome::lateReadings, Named.as("late-readings"))
        .to(Topics.LATE.name(), produced(Topics.LATE, "late-sink"));
    hourly.flatMapValues(HourlyOutcome::deadLetters, Named.as("hourly-dead-letters"))
        .to(Topics.READINGS_DLQ.name(), produced(Topics.READINGS_DLQ, "hourly-dlq-sink"));

    KStream<String, HourBatch> batches = hourly.flatMapValues(HourlyOutcome::batches, Named.as("hour-batches"));
    KStream<String, HourlyValue> hourlyValues = batches.flatMap((station, batch) -> batch.changed().stream()
            .map(v -> KeyValue.pair(StateKeys.series(station, v.getParameter()), v)).toList(),
        Named.as("hourly-values"));
    hourlyValues.to(Topics.HOURLY.name(), produced(Topics.HOURLY, "hourly-sink"));
    KStream<String, Aggregate> rolling = batches.process(() -> new RollingMeanProcessor(statistics),
        Named.as(RollingMeanProcessor.NAME), RollingMeanProcessor.STORE);
    rolling.to(Topics.AGGREGATES.name(), produced(Topics.AGGREGATES, "air-rolling-sink"));
    // after the rolling means (children run in the order added): it reads their updated SO2 ring
    KStream<String, AqiRecord> hourlyAqi = batches.process(() -> new HourlyAqiProcessor(aqi, statistics),
        Named.as(HourlyAqiProcessor.NAME), RollingMeanProcessor.STORE);
    hourlyAqi.to(Topics.AQI.name(), produced(Topics.AQI, "air-hourly-aqi-sink"));

    KStream<String, DayBatch> days = batches.process(() -> new DailyStatisticsProcessor(
            new DailyAirAggregates(statistics), settings.grace(), dayCloseSpread, settings.lateBound()),
        Named.as(DailyStatisticsProcessor.NAME), DailyStatisticsProcessor.STORE);
    KStream<String, Aggregate> daily = days.flatMap((station, day) -> day.aggregates().stream()
            .map(a -> KeyValue.pair(StateKeys.statistic(station, a.getParameter(), a.getStatistic()), a)).toList(),
        Named.as("air-daily-aggregates"));
    daily.to(Topics.AGGREGATES.name(), produced(Topics.AGGREGATES, "air-daily-sink"));
    KStream<String, AqiRecord> dailyAqi = days.filterNot((station, day) -> day.isEndMarker(), Named.as("air-days-only"))
        .map((station, day) -> KeyValue.pair(StateKeys.aqi(station, AqiRecords.DAY), aqi.daily(day)),
            Named.as("air-daily-aqi"));
    dailyAqi.to(Topics.AQI.name(), produced(Topics.AQI, "air-daily-aqi-sink"));

    // Stages that need a station's hours or days in order, with its clock ticks (end of input and
    // silent stations included), run here on the station-keyed streams rather than on the topics.
    EvaluationSettings evaluation = settings.evaluation();
    KStream<String, HourlyValue> stationHourly = batches.flatMapValues(HourBatch::changed,
        Named.as("station-hourly-values"));
    AlertsTopology.addHourlyRulesTo(stationHourly, evaluation);
    HealthTopology.addTo(stationHourly, evaluation);
    KStream<String, Aggregate> noise = NoiseTopology.addTo(batches, evaluation);
    KStream<String, Aggregate> water = WaterTopology.addTo(batches, evaluation);
    PlanTopology.addTo(days, evaluation);
    // What the core writes to envmon.hourly, .aggregates and .aqi, keyed as there, for the
    // evaluation stage and the status stores in this same task: reading it back from the topics
    // cost a consume, a deserialization and a task switch for ~13 records per station-hour, all
    // at each hour's close (docs/benchmarks.md, tenth round).
    return new EvaluationInputs(
        rolling.merge(daily, Named.as("aggregates-air")).merge(noise, Named.as("aggregates-air-noise"))
            .merge(water, Named.as("aggregates-all")),
        hourlyValues, hourlyAqi.merge(dailyAqi, Named.as("aqi-all")));
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
