package org.envmon.sinks.influx.point;

import java.util.Optional;

/**
 * Noise context the aggregates do not carry: the GB 3096-2008 zone of a noise station and the
 * zone's limit for a day or night period. Supplied by the application from the station registry
 * and the standards catalog.
 */
public interface NoiseZones {
  /** A zone and its limits in dB(A). */
  record Zone(String name, double dayLimit, double nightLimit) {}

  /** The zone of a noise station, if known. */
  Optional<Zone> zoneOf(String stationId);

  /** For deployments without noise stations: no station has a known zone. */
  NoiseZones NONE = stationId -> Optional.empty();
}
