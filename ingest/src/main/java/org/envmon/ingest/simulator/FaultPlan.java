package org.envmon.ingest.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Which air station misbehaves when, chosen by the seed: one station goes silent for 3 hours,
 * one CO analyser sticks for 6 hours, one PM10 value spikes, one O3 value is the -999 sentinel,
 * and every station drops about 1 % of its hours at random (the latter decided by the models).
 */
final class FaultPlan {
  static final int OUTAGE_HOURS = 3;
  static final int STUCK_HOURS = 6;

  private final String outageStation;
  private final long outageStart;
  private final String stuckStation;
  private final long stuckStart;
  private final String spikeStation;
  private final long spikeHour;
  private final String sentinelStation;
  private final long sentinelHour;

  FaultPlan(long seed, List<String> airStations, long hours) {
    SplittableRandom random = new SplittableRandom(~seed);
    boolean any = !airStations.isEmpty() && hours > 2 * STUCK_HOURS;
    outageStation = any ? pick(random, airStations) : null;
    outageStart = any ? hourIn(random, hours) : -1;
    stuckStation = any ? pick(random, airStations) : null;
    stuckStart = any ? hourIn(random, hours) : -1;
    spikeStation = any ? pick(random, airStations) : null;
    spikeHour = any ? hourIn(random, hours) : -1;
    sentinelStation = any ? pick(random, airStations) : null;
    sentinelHour = any ? hourIn(random, hours) : -1;
  }

  private static String pick(SplittableRandom random, List<String> stations) {
    return stations.get(random.nextInt(stations.size()));
  }

  private static long hourIn(SplittableRandom random, long hours) {
    return STUCK_HOURS + random.nextLong(hours - 2 * STUCK_HOURS);
  }

  boolean outage(String station, long hour) {
    return station.equals(outageStation) && hour >= outageStart && hour < outageStart + OUTAGE_HOURS;
  }

  /** True from the first stuck hour on; the value of the hour before is repeated. */
  boolean stuck(String station, long hour) {
    return station.equals(stuckStation) && hour >= stuckStart && hour < stuckStart + STUCK_HOURS;
  }

  boolean spike(String station, long hour) {
    return station.equals(spikeStation) && hour == spikeHour;
  }

  boolean sentinel(String station, long hour) {
    return station.equals(sentinelStation) && hour == sentinelHour;
  }
}
