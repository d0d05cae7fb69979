package org.envmon.ingest.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.envmon.ingest.core.StationEntry;
import org.envmon.standards.BeijingZone;

/**
 * What to simulate.
 *
 * @param seed     same seed, same stations, same start: the same readings, value for value
 * @param start    first period start; whole hours
 * @param days     how many days
 * @param stations stations to simulate, each by its medium (air, water, noise, VOCs)
 */
public record SimulatorOptions(long seed, Instant start, int days, List<StationEntry> stations) {
  /** May: warm enough for afternoon ozone peaks, with a haze episode from the evening of day 1 to day 3. */
  public static final Instant DEFAULT_START = OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, BeijingZone.OFFSET)
      .toInstant();
  public static final long DEFAULT_SEED = 20260501L;
  public static final int DEFAULT_DAYS = 3;

  public SimulatorOptions {
    if (days < 1) {
      throw new IllegalArgumentException("simulate at least 1 day; got " + days);
    }
    if (start.getEpochSecond() % 3600 != 0) {
      throw new IllegalArgumentException("the simulation starts on a whole hour; got " + start);
    }
    stations = List.copyOf(stations);
  }

  public static SimulatorOptions defaults(List<StationEntry> stations) {
    return new SimulatorOptions(DEFAULT_SEED, DEFAULT_START, DEFAULT_DAYS, stations);
  }

  public SimulatorOptions withSeed(long newSeed) {
    return new SimulatorOptions(newSeed, start, days, stations);
  }

  public SimulatorOptions withStart(Instant newStart) {
    return new SimulatorOptions(seed, newStart, days, stations);
  }

  public SimulatorOptions withDays(int newDays) {
    return new SimulatorOptions(seed, start, newDays, stations);
  }
}
