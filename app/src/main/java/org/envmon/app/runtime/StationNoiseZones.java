package org.envmon.app.runtime;

import java.time.LocalDate;
import java.util.Optional;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.sinks.influx.point.NoiseZones;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.noise.NoiseLimits;
import org.envmon.standards.noise.NoisePeriod;

/** Noise zones of the registered stations with today's GB 3096 limits from the catalog. */
final class StationNoiseZones {
  private StationNoiseZones() {}

  static NoiseZones of(StationRegistry stations, Catalog catalog) {
    NoiseLimits limits = new NoiseLimits(catalog);
    return stationId -> stations.byId(stationId)
        .map(e -> e.station().getNoiseZone())
        .flatMap(zone -> {
          LocalDate today = BeijingZone.today();
          Optional<Double> day = limits.leqLimit(today, zone, NoisePeriod.DAY).map(r -> r.limit());
          Optional<Double> night = limits.leqLimit(today, zone, NoisePeriod.NIGHT).map(r -> r.limit());
          return day.isPresent() && night.isPresent()
              ? Optional.of(new NoiseZones.Zone(zone, day.get(), night.get())) : Optional.empty();
        });
  }
}
