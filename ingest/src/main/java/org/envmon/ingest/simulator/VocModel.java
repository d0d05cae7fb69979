package org.envmon.ingest.simulator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hourly NMHC, benzene, toluene and xylene (mg/m3) at an industrial park's boundary: higher at
 * night under the shallow boundary layer, and hot spots (a leaking flange, a tank being filled)
 * that exceed the GB 16297 Table 2 screening values: one on day 1 of the run at a seeded hour,
 * then about 3 % of hours.
 */
final class VocModel implements StationModel {
  private static final double HOT_SPOT_CHANCE = 0.03;

  private final SplittableRandom random;
  private final long firstHotSpot;

  VocModel(String stationId, long seed) {
    this.random = StationModel.randomFor(seed, stationId);
    this.firstHotSpot = 6 + random.nextInt(16);
  }

  @Override
  public List<Value> valuesAt(long hour, LocalDateTime local) {
    double mixing = 1 + 0.3 * Math.cos(2 * Math.PI * (local.getHour() - 3) / 24.0);
    boolean hotSpot = random.nextDouble() < HOT_SPOT_CHANCE || hour == firstHotSpot;
    double boost = hotSpot ? 4.5 : 1;
    double nmhc = 1.1 * mixing * StationModel.lognormal(random, 0.25) * boost;
    double benzene = 0.03 * mixing * StationModel.lognormal(random, 0.3) * (hotSpot ? 16 : 1);
    double toluene = 0.06 * mixing * StationModel.lognormal(random, 0.3) * boost;
    double xylene = 0.04 * mixing * StationModel.lognormal(random, 0.3) * boost;
    return List.of(Value.of("NMHC", nmhc, 2), Value.of("BENZENE", benzene, 3), Value.of("TOLUENE", toluene, 3),
        Value.of("XYLENE", xylene, 3));
  }
}
