package org.envmon.ingest.simulator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hourly Leq of a noise site: a few dB(A) under its GB 3096 zone's day limit by day (06-22) and
 * under its night limit by night, except roadside 4a sites, where night-time heavy traffic
 * exceeds the limit, and a 1-in-8 chance per night hour of an event (construction, deliveries)
 * 4-8 dB louder.
 */
final class NoiseModel implements StationModel {
  /** GB 3096-2008 Table 1: zone to {day, night} limit, dB(A). */
  private static final Map<String, double[]> LIMITS = Map.of("0", new double[] {50, 40}, "1", new double[] {55, 45},
      "2", new double[] {60, 50}, "3", new double[] {65, 55}, "4a", new double[] {70, 55}, "4b", new double[] {70, 60});

  private final SplittableRandom random;
  private final double[] limits;
  private final boolean roadside;

  NoiseModel(String stationId, String zone, long seed) {
    this.random = StationModel.randomFor(seed, stationId);
    this.limits = LIMITS.getOrDefault(zone, LIMITS.get("2"));
    this.roadside = zone.startsWith("4");
  }

  @Override
  public List<Value> valuesAt(long hour, LocalDateTime local) {
    int h = local.getHour();
    boolean day = h >= 6 && h < 22;
    double noise = 1.5 * random.nextGaussian();
    boolean event = random.nextInt(8) == 0;
    double leq;
    if (day) {
      leq = limits[0] - 4 + noise;
    } else {
      leq = limits[1] + (roadside ? 1.5 : -3) + noise + (event ? 4 + 4 * random.nextDouble() : 0);
    }
    return List.of(Value.of("LEQ", leq, 1));
  }
}
