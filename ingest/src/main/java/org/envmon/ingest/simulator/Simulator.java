package org.envmon.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.Parameter;

/**
 * Deterministic station data for demos and tests: air, water, noise and VOCs stations with
 * realistic daily and seasonal patterns, episodes that break the limits and instrument faults,
 * in event-time order. The same options always give the same readings.
 *
 * <p>Values are hourly means (water: one value per the station's cadence, e.g. 4 h) labelled by
 * the period start; the ingest path that carries one converts to its own wire format.
 */
public final class Simulator {
  /** The {@code source} of simulated candidates; the ingest path that carries them sets its own. */
  public static final String SOURCE = "simulator";
  /** Background and outer-suburb air stations: lower particles, more ozone. */
  private static final Set<String> NON_URBAN_DISTRICTS = Set.of("昌平", "怀柔", "密云", "延庆", "平谷", "门头沟");

  private final SimulatorOptions options;

  public Simulator(SimulatorOptions options) {
    this.options = options;
  }

  /** All readings of the run, ordered by period start, then by station order in the options. Sequential only. */
  public Stream<SimulatedReading> readings() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Run(),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private record Simulated(StationEntry entry, IngestPath path, StationModel model, int cadenceSeconds) {}

  /** One pass over the run; models are stateful, so every stream gets fresh ones. */
  private final class Run implements Iterator<SimulatedReading> {
    private final List<Simulated> stations = new ArrayList<>();
    private final long hours = options.days() * 24L;
    private long hour;
    private int stationIndex;
    private final List<SimulatedReading> pending = new ArrayList<>();
    private int pendingIndex;

    Run() {
      long seed = options.seed();
      List<String> airIds = options.stations().stream().filter(e -> e.station().getMedium() == Medium.AIR)
          .map(StationEntry::id).toList();
      Episodes episodes = new Episodes(seed);
      FaultPlan faults = new FaultPlan(seed, airIds, hours);
      for (StationEntry entry : options.stations()) {
        Station s = entry.station();
        StationModel model = switch (s.getMedium()) {
          case AIR -> new AirModel(entry.id(), !NON_URBAN_DISTRICTS.contains(s.getDistrict()), seed, episodes, faults);
          case WATER -> new WaterModel(entry.id(), s.getWaterTargetClass() == null ? 3 : s.getWaterTargetClass(),
              "LAKE".equals(s.getWaterBodyType()), seed);
          case NOISE -> new NoiseModel(entry.id(), s.getNoiseZone() == null ? "2" : s.getNoiseZone(), seed);
          case VOC -> new VocModel(entry.id(), seed);
        };
        stations.add(new Simulated(entry, IngestPath.defaultFor(s.getMedium()), model,
            Math.max(3600, s.getCadenceSeconds())));
      }
    }

    @Override
    public boolean hasNext() {
      while (pendingIndex >= pending.size()) {
        if (hour >= hours || stations.isEmpty()) {
          return false;
        }
        pending.clear();
        pendingIndex = 0;
        generate(stations.get(stationIndex));
        if (++stationIndex == stations.size()) {
          stationIndex = 0;
          hour++;
        }
      }
      return true;
    }

    @Override
    public SimulatedReading next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the simulation of " + options.days() + " days is over");
      }
      return pending.get(pendingIndex++);
    }

    private void generate(Simulated station) {
      Instant at = options.start().plus(Duration.ofHours(hour));
      if (at.getEpochSecond() % station.cadenceSeconds() != 0) {
        return;
      }
      LocalDateTime local = LocalDateTime.ofInstant(at, BeijingZone.OFFSET);
      for (StationModel.Value value : station.model().valuesAt(hour, local)) {
        String unit = Parameter.fromCode(value.parameter()).orElseThrow().unit();
        Candidate candidate = new Candidate(station.entry().id(), value.parameter(), at, value.text(), unit, null,
            station.cadenceSeconds(), null, SOURCE);
        pending.add(new SimulatedReading(station.entry(), station.path(), candidate, value.fault()));
      }
    }
  }
}
