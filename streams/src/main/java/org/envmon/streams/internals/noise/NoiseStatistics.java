package org.envmon.streams.internals.noise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Medium;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.noise.Leq;

/**
 * The statistics of a closed noise period: from hourly Leq (or LA) levels the period Leq
 * (energy mean, GB 3096) as LEQ_DAY / LEQ_NIGHT; from hourly Lmax levels the night maximum as
 * LMAX_NIGHT. A Leq needs the policy's share of the hours; a night Lmax is an event and counts
 * as soon as one night hour was measured.
 */
public final class NoiseStatistics {
  /** The standard that defines the periods and the energy mean. */
  public static final String STANDARD = "GB 3096-2008";

  private final NoisePolicy policy;

  public NoiseStatistics(NoisePolicy policy) {
    this.policy = policy;
  }

  /** Which statistic an hourly parameter feeds: LEQ and LA feed Leq, LMAX feeds night Lmax. */
  public static boolean feedsLeq(String parameter) {
    return Parameter.LEQ.code().equals(parameter) || Parameter.LA.code().equals(parameter);
  }

  /** The hourly parameters the noise stage uses. */
  public static final List<String> PARAMETERS =
      List.of(Parameter.LEQ.code(), Parameter.LA.code(), Parameter.LMAX.code());

  /** Whether hourly values of {@code parameter} are used by the noise stage. */
  public static boolean used(String parameter) {
    return PARAMETERS.contains(parameter);
  }

  /**
   * The aggregates of a period (none when it has no level, or Lmax of a day period), with the
   * period's emission count as revision.
   */
  public List<Aggregate> of(String stationId, String district, String parameter, NoisePeriodLevels p) {
    List<Aggregate> out = new ArrayList<>();
    int count = p.count();
    if (count == 0) {
      return out;
    }
    if (feedsLeq(parameter)) {
      double[] present = java.util.Arrays.stream(p.levels()).filter(l -> !Double.isNaN(l)).toArray();
      int required = policy.requiredHours(p.levels().length);
      Statistic s = p.key().period().leqStatistic();
      out.add(aggregate(stationId, district, Parameter.LEQ, s, p, Leq.energyMean(present), count, required));
    } else if (p.night()) {
      out.add(aggregate(stationId, district, Parameter.LMAX, Statistic.LMAX_NIGHT, p, p.max(), count, 1));
    }
    return out;
  }

  private static Aggregate aggregate(String stationId, String district, Parameter parameter, Statistic statistic,
                                     NoisePeriodLevels p, double value, int count, int required) {
    return Aggregate.newBuilder()
        .setStationId(stationId).setDistrict(district).setMedium(Medium.NOISE)
        .setParameter(parameter.code()).setStatistic(statistic.name())
        .setPeriodStart(Instant.ofEpochMilli(p.key().start().toInstant(BeijingZone.OFFSET).toEpochMilli()))
        .setPeriodEnd(Instant.ofEpochMilli(p.key().end().toInstant(BeijingZone.OFFSET).toEpochMilli()))
        .setValue(value).setUnit(parameter.unit()).setCount(count).setRequired(required)
        .setValid(count >= required).setStandard(STANDARD).setRevision(p.emissions())
        .build();
  }
}
