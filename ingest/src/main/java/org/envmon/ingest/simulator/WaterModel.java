package org.envmon.ingest.simulator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * pH, DO, CODMn, NH3-N, TP and TN of a surface-water section, around 70 % of its target class's
 * GB 3838 limits, with daytime photosynthesis (DO and pH up in the afternoon). Rivers get a
 * runoff event on day 2 (NH3-N and TP beyond the target class); lakes an algal episode on day 3
 * (TP up, DO swinging).
 */
final class WaterModel implements StationModel {
  // GB 3838-2002 Table 1, classes I..V.
  private static final double[] CODMN = {2, 4, 6, 10, 15};
  private static final double[] NH3N = {0.15, 0.5, 1.0, 1.5, 2.0};
  private static final double[] TP_RIVER = {0.02, 0.1, 0.2, 0.3, 0.4};
  private static final double[] TP_LAKE = {0.01, 0.025, 0.05, 0.1, 0.2};
  private static final double[] TN = {0.2, 0.5, 1.0, 1.5, 2.0};
  private static final double[] DO = {7.5, 6, 5, 3, 2};

  private final SplittableRandom random;
  private final int targetIndex;
  private final boolean lake;

  WaterModel(String stationId, int targetClass, boolean lake, long seed) {
    this.random = StationModel.randomFor(seed, stationId);
    this.targetIndex = Math.max(1, Math.min(5, targetClass)) - 1;
    this.lake = lake;
  }

  @Override
  public List<Value> valuesAt(long hour, LocalDateTime local) {
    int day = (int) (hour / 24 % 7);
    boolean runoff = !lake && day == 1 && local.getHour() >= 8;
    boolean algae = lake && day == 2;
    double photosynthesis = Math.sin(Math.PI * (local.getHour() - 8) / 12.0); // +1 at 14:00, -1 at 02:00
    double ph = 7.8 + 0.25 * photosynthesis * (algae ? 2.5 : 1) + 0.05 * random.nextGaussian();
    double dissolvedOxygen = DO[targetIndex] + 1.6 + 0.8 * photosynthesis * (algae ? 2.5 : 1)
        + 0.2 * random.nextGaussian();
    double codMn = 0.7 * CODMN[targetIndex] * StationModel.lognormal(random, 0.1) * (runoff ? 1.4 : 1);
    double nh3n = 0.7 * NH3N[targetIndex] * StationModel.lognormal(random, 0.12) * (runoff ? 2.6 : 1);
    double tp = 0.7 * (lake ? TP_LAKE : TP_RIVER)[targetIndex] * StationModel.lognormal(random, 0.1)
        * (runoff ? 2.2 : 1) * (algae ? 1.9 : 1);
    double tn = 0.75 * TN[targetIndex] * StationModel.lognormal(random, 0.1) * (runoff ? 1.5 : 1);
    return List.of(Value.of("PH", ph, 2), Value.of("DO", Math.max(0.1, dissolvedOxygen), 2),
        Value.of("CODMN", codMn, 2), Value.of("NH3N", nh3n, 3), Value.of("TP", tp, 3), Value.of("TN", tn, 2));
  }
}
