package org.envmon.streams.qc;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.envmon.standards.Parameter;

/**
 * envmon's own QC thresholds (QC is operating policy, not a national standard, so every number
 * here is configurable).
 *
 * @param sentinels       values loggers send for "no data"; compared before unit conversion
 * @param stuckRepeats    a value repeated this many times in a row (this one included) is stuck
 * @param maxRisePerHour  largest plausible change per hour of each parameter in its envmon unit;
 *                        parameters not listed are never flagged as spikes
 * @param invalidating    findings that keep a value out of the statistics; the others (suspect
 *                        findings) are recorded in qcFlags but the value still counts. HJ 212
 *                        logger flags other than N always invalidate: the protocol says the
 *                        value is not normal monitoring data.
 */
public record QcPolicy(Set<Double> sentinels, int stuckRepeats, Map<Parameter, Double> maxRisePerHour,
                       Set<QcFlag> invalidating) {
  public QcPolicy {
    invalidating = Set.copyOf(Objects.requireNonNull(invalidating, "invalidating"));
    sentinels = Set.copyOf(Objects.requireNonNull(sentinels, "sentinels"));
    if (stuckRepeats < 2) {
      throw new IllegalArgumentException("stuckRepeats must be at least 2 (got " + stuckRepeats + ")");
    }
    maxRisePerHour = Map.copyOf(Objects.requireNonNull(maxRisePerHour, "maxRisePerHour"));
    maxRisePerHour.forEach((parameter, rise) -> {
      if (!(rise > 0)) {
        throw new IllegalArgumentException("maxRisePerHour of " + parameter + " must be positive (got " + rise + ")");
      }
    });
  }

  /** True when {@code flag} (a {@link QcFlag} name or a logger flag) keeps the value out of statistics. */
  public boolean invalidates(String flag) {
    if (flag.startsWith(QcFlag.loggerFlag(""))) {
      return true;
    }
    return invalidating.stream().anyMatch(f -> f.name().equals(flag));
  }

  /**
   * Defaults: sentinels -999, -9999, 9999, 99999; stuck after 8 identical values; spikes above
   * 500 ug/m3 per hour for PM, 400 for SO2/NO2/O3, 20 mg/m3 for CO. Negative and out-of-range
   * values invalidate; stuck values, spikes and PM2.5 &gt; PM10 are suspect only, because real
   * national-network data repeats low integer values (night-time O3, SO2, CO in 100 ug/m3 steps)
   * and official statistics count those hours: flagging them invalid would change the numbers
   * the standards define.
   */
  public static QcPolicy defaults() {
    Map<Parameter, Double> rise = new EnumMap<>(Parameter.class);
    rise.put(Parameter.PM2_5, 500.0);
    rise.put(Parameter.PM10, 500.0);
    rise.put(Parameter.SO2, 400.0);
    rise.put(Parameter.NO2, 400.0);
    rise.put(Parameter.O3, 400.0);
    rise.put(Parameter.CO, 20.0);
    return new QcPolicy(Set.of(-999.0, -9999.0, 9999.0, 99999.0), 8, rise,
        Set.of(QcFlag.SENTINEL, QcFlag.NEGATIVE, QcFlag.RANGE));
  }
}
