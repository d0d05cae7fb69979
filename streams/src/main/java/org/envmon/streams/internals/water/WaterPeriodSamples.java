package org.envmon.streams.internals.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The samples of one section (station) in one evaluation period, per indicator and sample time,
 * so a revised sample replaces its earlier value instead of counting twice.
 *
 * @param periodIndex Beijing epoch day of the period start divided by the period length
 * @param samples     parameter code -> sample time (epoch millis) -> value
 * @param district    district of the station
 * @param emissions   how often the period was classified and emitted; the next emission carries
 *                    this number as its revision
 */
public record WaterPeriodSamples(long periodIndex, Map<String, Map<Long, Double>> samples, String district,
                                 int emissions) {
  public WaterPeriodSamples {
    Map<String, Map<Long, Double>> copy = new TreeMap<>();
    Objects.requireNonNull(samples, "samples").forEach((p, byTime) -> copy.put(p, new TreeMap<>(byTime)));
    samples = copy;
  }

  /** An empty period. */
  public static WaterPeriodSamples open(long periodIndex, String district) {
    return new WaterPeriodSamples(periodIndex, Map.of(), district, 0);
  }

  /** The period index of a Beijing date for periods of {@code periodDays}. */
  public static long periodIndex(LocalDate date, int periodDays) {
    return Math.floorDiv(date.toEpochDay(), periodDays);
  }

  /** First day of the period. */
  public LocalDate firstDay(int periodDays) {
    return LocalDate.ofEpochDay(periodIndex * periodDays);
  }

  /** The period with a sample set (a sample of the same parameter and time is replaced). */
  public WaterPeriodSamples with(String parameter, long sampleTime, double value) {
    Map<String, Map<Long, Double>> copy = new TreeMap<>(samples);
    Map<Long, Double> byTime = new TreeMap<>(copy.getOrDefault(parameter, Map.of()));
    byTime.put(sampleTime, value);
    copy.put(parameter, byTime);
    return new WaterPeriodSamples(periodIndex, copy, district, emissions);
  }

  /** The same samples after one more emission. */
  public WaterPeriodSamples emitted() {
    return new WaterPeriodSamples(periodIndex, samples, district, emissions + 1);
  }

  /**
   * Period mean per parameter code, summed in decimal so that samples exactly at a class limit
   * average to exactly that limit (six samples of 0.05 must not become 0.05000000000000001).
   */
  public Map<String, Double> means() {
    Map<String, Double> out = new TreeMap<>();
    samples.forEach((p, byTime) -> {
      BigDecimal sum = byTime.values().stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
      out.put(p, sum.divide(BigDecimal.valueOf(byTime.size()), MathContext.DECIMAL64).doubleValue());
    });
    return out;
  }

  /** Samples per parameter code. */
  public int count(String parameter) {
    return samples.getOrDefault(parameter, Map.of()).size();
  }
}
