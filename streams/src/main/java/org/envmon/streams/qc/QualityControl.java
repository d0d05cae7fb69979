package org.envmon.streams.qc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.envmon.standards.Parameter;

/**
 * envmon's QC rules for one reading, in the order they apply: sentinels (before any unit
 * conversion, since loggers send them in the raw unit), unit normalisation, HJ 212 data flags,
 * negatives, physical range, stuck values, spikes. Findings flag the value; only a value with no
 * finding is valid for statistics. The cross-parameter PM2.5 &gt; PM10 check needs both hourly
 * means and lives in {@link #pm25ExceedsPm10}.
 */
public final class QualityControl {
  private static final long HOUR_MS = 3_600_000L;
  private final QcPolicy policy;

  public QualityControl(QcPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Judges one reading.
   *
   * @param parameter  the reading's parameter
   * @param value      the value as sent
   * @param unit       the unit as sent
   * @param flag       HJ 212 data flag, or null when the feed has none
   * @param observedAt observation time, epoch millis
   * @param date       Beijing date of the observation (selects the reference state)
   * @param previous   the series' history, or null for its first reading
   */
  public QcVerdict check(Parameter parameter, double value, String unit, String flag, long observedAt,
                         LocalDate date, QcHistory previous) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return unusable("the value is not a number (" + value + ")", List.of(), previous);
    }
    if (policy.sentinels().contains(value)) {
      return unusable("the value " + value + " is a logger's no-data sentinel, not a measurement",
          List.of(QcFlag.SENTINEL.name()), previous);
    }
    OptionalDouble converted = UnitNormaliser.toCanonical(parameter, value, unit, date);
    if (converted.isEmpty()) {
      return unusable("cannot convert " + parameter.code() + " from unit '" + unit + "' to " + parameter.unit()
          + "; send ug/m3, mg/m3, ppb or ppm", List.of(), previous);
    }
    double v = converted.getAsDouble();
    List<String> flags = new ArrayList<>();
    if (flag != null && !flag.isBlank() && !flag.strip().equals("N")) {
      flags.add(QcFlag.loggerFlag(flag.strip()));
    }
    if (v < 0 && parameter.physicalMin() >= 0) {
      flags.add(QcFlag.NEGATIVE.name());
    } else if (v < parameter.physicalMin() || v > parameter.physicalMax()) {
      flags.add(QcFlag.RANGE.name());
    }
    if (previous != null && observedAt < previous.lastObservedAt()) {
      // Out of order (late data): it neither extends nor breaks the series' run.
      return new QcVerdict(v, flags, true, validWith(flags), null, previous);
    }
    int repeats = previous != null && previous.lastValue() == v ? previous.repeats() + 1 : 1;
    if (repeats >= policy.stuckRepeats()) {
      flags.add(QcFlag.STUCK.name());
    }
    if (previous != null && isSpike(parameter, v, observedAt, previous)) {
      flags.add(QcFlag.SPIKE.name());
    }
    return new QcVerdict(v, flags, true, validWith(flags), null, new QcHistory(v, repeats, observedAt));
  }

  private boolean validWith(List<String> flags) {
    return flags.stream().noneMatch(policy::invalidates);
  }

  /** True when both hourly means exist and PM2.5 exceeds PM10. */
  public static boolean pm25ExceedsPm10(Double pm25, Double pm10) {
    return pm25 != null && pm10 != null && pm25 > pm10;
  }

  private boolean isSpike(Parameter parameter, double value, long observedAt, QcHistory previous) {
    Double maxRise = policy.maxRisePerHour().get(parameter);
    if (maxRise == null || observedAt == previous.lastObservedAt()) {
      return false;
    }
    // Within the first hour the whole hourly allowance applies, so minute data is not held to
    // a per-minute rate that ordinary sensor noise would exceed.
    double hours = Math.max(1.0, (observedAt - previous.lastObservedAt()) / (double) HOUR_MS);
    return Math.abs(value - previous.lastValue()) > maxRise * hours;
  }

  private static QcVerdict unusable(String reason, List<String> flags, QcHistory previous) {
    return new QcVerdict(Double.NaN, flags, false, false, reason, previous);
  }
}
