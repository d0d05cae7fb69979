package org.envmon.ingest.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hourly PM2.5, PM10, SO2, NO2, CO (mg/m3) and O3 of an ambient air station: seasonal levels,
 * night-time particle build-up, rush-hour NO2, afternoon ozone, regional haze and hot days, and
 * the faults of the {@link FaultPlan}. Magnitudes follow Beijing's recent years (PM2.5 annual
 * mean near 30-40 ug/m3, SO2 single digits).
 */
final class AirModel implements StationModel {
  private static final double RANDOM_OUTAGE = 0.01;

  private final String stationId;
  private final SplittableRandom random;
  private final Episodes episodes;
  private final FaultPlan faults;
  /** Suburban and background sites see fewer particles and a little more ozone. */
  private final double urban;
  private double particleMemory;
  private String lastCo;

  AirModel(String stationId, boolean urban, long seed, Episodes episodes, FaultPlan faults) {
    this.stationId = stationId;
    this.random = StationModel.randomFor(seed, stationId);
    this.episodes = episodes;
    this.faults = faults;
    this.urban = urban ? 1.0 : 0.8;
  }

  @Override
  public List<Value> valuesAt(long hour, LocalDateTime local) {
    // Draw every random number every hour, so a fault never shifts the values that follow it.
    double pmShock = random.nextGaussian();
    double coarse = random.nextDouble();
    double so2Noise = StationModel.lognormal(random, 0.25);
    double no2Noise = StationModel.lognormal(random, 0.15);
    double o3Noise = StationModel.lognormal(random, 0.06);
    boolean randomOutage = random.nextDouble() < RANDOM_OUTAGE;
    particleMemory = 0.85 * particleMemory + 0.12 * pmShock;
    if (randomOutage || faults.outage(stationId, hour)) {
      return List.of();
    }
    int h = local.getHour();
    double haze = episodes.haze(hour);
    double night = 1 + 0.25 * Math.cos(2 * Math.PI * (h - 22) / 24.0);
    double pm25 = 42 * Episodes.particleSeason(local) * urban * night * Math.exp(particleMemory) * (1 + 3.8 * haze);
    double pm10 = pm25 * (1.35 + 0.3 * coarse) + 12;
    double so2 = 5 * Episodes.particleSeason(local) * (1 + 0.8 * haze) * so2Noise;
    double rush = 1 + 0.35 * Math.exp(-Math.pow(h - 8, 2) / 4.0) + 0.45 * Math.exp(-Math.pow(h - 19, 2) / 6.0);
    double no2 = 30 * urban * rush * (1 + 0.7 * haze) * no2Noise;
    double co = 0.35 + 0.009 * pm25;
    double sun = h >= 7 && h <= 23 ? Math.max(0, Math.sin(Math.PI * (h - 7) / 16.0)) : 0;
    double o3Peak = 165 * Episodes.ozoneSeason(local) * (episodes.hotDay(hour) ? 1.35 : 1.0) * (2 - urban)
        * (1 - 0.6 * haze);
    double o3 = o3Peak * (0.12 + 0.88 * Math.pow(sun, 1.5)) * o3Noise;

    List<Value> values = new ArrayList<>(6);
    values.add(Value.of("PM2_5", pm25, 0));
    values.add(faults.spike(stationId, hour) ? new Value("PM10", Value.format(pm10 * 8, 0), Fault.SPIKE)
        : Value.of("PM10", pm10, 0));
    values.add(Value.of("SO2", so2, 0));
    values.add(Value.of("NO2", no2, 0));
    if (faults.stuck(stationId, hour) && lastCo != null) {
      values.add(new Value("CO", lastCo, Fault.STUCK));
    } else {
      lastCo = Value.format(co, 3);
      values.add(new Value("CO", lastCo, Fault.NONE));
    }
    values.add(faults.sentinel(stationId, hour) ? new Value("O3", "-999", Fault.SENTINEL) : Value.of("O3", o3, 0));
    return values;
  }
}
