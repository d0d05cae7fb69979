package org.envmon.ingest.loadgen;

import java.util.List;
import org.envmon.standards.Parameter;

/**
 * A load to generate: {@code stations} synthetic air stations, each sending a value of every one
 * of {@code parameters} once a round (a minute of minute data, or an hour of hourly means), until
 * {@code readings} readings were sent.
 *
 * @param stations           number of synthetic stations ({@code load-00001} ...)
 * @param parameters         air parameter codes each station sends every minute
 * @param readings           total readings to send
 * @param ratePerSecond      target readings per wall second; {@link Double#POSITIVE_INFINITY} for as fast as possible
 * @param batchSize          readings per publish call
 * @param maxInFlightBatches publish calls not yet acknowledged before the generator waits
 * @param seed               seed of the values (the rate figures do not depend on it)
 * @param periodMinutes      minutes of event time a reading stands for and a round spans: 1 for minute
 *                           data, 60 for hourly means; it divides an hour
 */
public record LoadOptions(int stations, List<String> parameters, long readings, double ratePerSecond, int batchSize,
                          int maxInFlightBatches, long seed, int periodMinutes) {
  public static final List<String> AIR = List.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3");
  /** The period of minute data. */
  public static final int MINUTE = 1;
  /** The period of hourly means. */
  public static final int HOUR = 60;
  private static final int MINUTES_PER_HOUR = 60;

  public LoadOptions {
    parameters = List.copyOf(parameters);
    if (stations < 1 || stations > 99_999) {
      throw new IllegalArgumentException("--stations must be 1 to 99999; got " + stations);
    }
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("at least one parameter is needed");
    }
    for (String code : parameters) {
      if (Parameter.fromCode(code).filter(p -> p.medium().equals("AIR")).isEmpty()) {
        throw new IllegalArgumentException("'" + code + "' is not an air parameter; use some of " + AIR);
      }
    }
    if (readings < 1) {
      throw new IllegalArgumentException("--readings must be at least 1; got " + readings);
    }
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("--rate must be a positive number of readings per second, or max; got "
          + ratePerSecond);
    }
    if (batchSize < 1 || maxInFlightBatches < 1) {
      throw new IllegalArgumentException("batchSize and maxInFlightBatches must be at least 1");
    }
    if (periodMinutes < 1 || periodMinutes > MINUTES_PER_HOUR || MINUTES_PER_HOUR % periodMinutes != 0) {
      throw new IllegalArgumentException("the period of a load's readings must divide an hour (1, 2, 3, 4, 5, 6, "
          + "10, 12, 15, 20, 30 or 60 minutes); got " + periodMinutes);
    }
  }

  /** Stations x the six air pollutants, one hour of minute data, as fast as possible. */
  public static LoadOptions of(int stations) {
    return new LoadOptions(stations, AIR, stations * AIR.size() * 60L, Double.POSITIVE_INFINITY, 1000, 32, 1L, MINUTE);
  }

  /** Parses the CLI's {@code --rate}: {@code max} or readings per second. */
  public static double parseRate(String text) {
    if (text != null && text.strip().equalsIgnoreCase("max")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate must be 'max' or readings per second, e.g. 50000; got '" + text + "'",
          e);
    }
  }

  /** Readings per round: every station sends every parameter once a round. */
  public int readingsPerRound() {
    return stations * parameters.size();
  }

  /** Rounds the load spans (the last one may be partial); minutes for minute data. */
  public long rounds() {
    return (readings + readingsPerRound() - 1) / readingsPerRound();
  }

  public LoadOptions withReadings(long newReadings) {
    return new LoadOptions(stations, parameters, newReadings, ratePerSecond, batchSize, maxInFlightBatches, seed,
        periodMinutes);
  }

  public LoadOptions withRate(double newRate) {
    return new LoadOptions(stations, parameters, readings, newRate, batchSize, maxInFlightBatches, seed,
        periodMinutes);
  }

  public LoadOptions withBatchSize(int newBatchSize) {
    return new LoadOptions(stations, parameters, readings, ratePerSecond, newBatchSize, maxInFlightBatches, seed,
        periodMinutes);
  }

  public LoadOptions withParameters(List<String> newParameters) {
    return new LoadOptions(stations, newParameters, readings, ratePerSecond, batchSize, maxInFlightBatches, seed,
        periodMinutes);
  }

  /** The same load as readings of {@code minutes} each (e.g. {@link #HOUR}: hourly means). */
  public LoadOptions withPeriodMinutes(int minutes) {
    return new LoadOptions(stations, parameters, readings, ratePerSecond, batchSize, maxInFlightBatches, seed,
        minutes);
  }
}
