package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.envmon.standards.Parameter;
import org.envmon.standards.noise.Leq;
import org.junit.jupiter.api.Test;

/**
 * {@link HourlyMean} on running aggregates against the formulas it replaced, which combined the
 * full list of an hour's valid samples: results must be bit-identical for the same samples in
 * the same arrival order, also after the state went through its serde.
 */
class HourlyMeanTest {
  private static final long SEED = 20261121L;
  private static final List<Parameter> PARAMETERS = List.of(Parameter.LA, Parameter.LEQ, Parameter.LMAX,
      Parameter.PM2_5, Parameter.PM10, Parameter.CO, Parameter.O3, Parameter.PH, Parameter.WATER_TEMP,
      Parameter.BENZENE);

  /** The hourly value as computed over the sample list before the state kept running aggregates. */
  private static Double listFormula(Parameter p, List<Double> samples) {
    if (samples.isEmpty()) {
      return null;
    }
    if (p == Parameter.LA || p == Parameter.LEQ) {
      return Leq.energyMean(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }
    if (p == Parameter.LMAX) {
      return samples.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
    }
    double sum = 0;
    for (double v : samples) {
      sum += v;
    }
    return sum / samples.size();
  }

  private static double sample(Random random, Parameter p) {
    double value = p.physicalMin() + random.nextDouble() * (p.physicalMax() - p.physicalMin());
    // whole, one- and three-decimal values, as loggers send them
    return switch (random.nextInt(3)) {
      case 0 -> Math.rint(value);
      case 1 -> Math.rint(value * 10) / 10;
      default -> Math.rint(value * 1000) / 1000;
    };
  }

  @Test
  void runningAggregatesGiveTheListFormulasResultsBitForBit() {
    Random random = new Random(SEED);
    int[] fixedSizes = {1, 2, 60};
    int compared = 0;
    for (int round = 0; round < 3_000; round++) {
      Parameter p = PARAMETERS.get(round % PARAMETERS.size());
      int size = round < fixedSizes.length * PARAMETERS.size()
          ? fixedSizes[round / PARAMETERS.size()] : 1 + random.nextInt(360);
      HourState state = new HourState();
      List<Double> valid = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        double value = sample(random, p);
        boolean isValid = random.nextInt(10) != 0;
        state.accumulator(p.code()).add(value, isValid, 1, isValid ? List.of() : List.of("SPIKE"));
        if (isValid) {
          valid.add(value);
        }
        if (random.nextInt(50) == 0) {
          // the stored state between two readings, as the processor reads it back
          state = roundTrip(state);
        }
      }
      HourState.Accumulator accumulator = roundTrip(state).accumulator(p.code());
      assertThat(accumulator.count()).isEqualTo(valid.size());
      Double expected = listFormula(p, valid);
      Double actual = HourlyMean.of(p.code(), accumulator);
      assertThat(actual).as("%s of %s", p, valid).isEqualTo(expected);
      if (expected != null) {
        assertThat(Double.doubleToRawLongBits(actual)).isEqualTo(Double.doubleToRawLongBits(expected));
        compared++;
      }
    }
    assertThat(compared).as("rounds with at least one valid sample").isGreaterThan(2_900);
  }

  @Test
  void noiseLevelsAreEnergyMeansAndLmaxIsTheMaximum() {
    HourState.Accumulator la = new HourState().accumulator(Parameter.LA.code());
    la.add(60, true, 1, List.of());
    la.add(70, true, 1, List.of());
    HourState.Accumulator lmax = new HourState().accumulator(Parameter.LMAX.code());
    lmax.add(81.5, true, 1, List.of());
    lmax.add(79, true, 1, List.of());
    HourState.Accumulator pm25 = new HourState().accumulator(Parameter.PM2_5.code());
    pm25.add(60, true, 1, List.of());
    pm25.add(70, true, 1, List.of());

    assertThat(HourlyMean.of(Parameter.LA.code(), la)).isEqualTo(10 * Math.log10((1e6 + 1e7) / 2));
    assertThat(HourlyMean.of(Parameter.LMAX.code(), lmax)).isEqualTo(81.5);
    assertThat(HourlyMean.of(Parameter.PM2_5.code(), pm25)).isEqualTo(65.0);
  }

  @Test
  void noValidSampleGivesNoValueButKeepsTheFlags() {
    HourState.Accumulator a = new HourState().accumulator(Parameter.LA.code());
    a.add(55, false, 1, List.of("RANGE"));

    assertThat(HourlyMean.of(Parameter.LA.code(), a)).isNull();
    assertThat(a.count()).isZero();
    assertThat(a.minutes()).isZero();
    assertThat(a.flags()).containsExactly("RANGE");
  }

  @Test
  void replaceResetsEveryAggregate() {
    HourState.Accumulator a = new HourState().accumulator(Parameter.LMAX.code());
    a.add(95, true, 1, List.of("SPIKE"));
    a.add(90, true, 1, List.of());
    a.nextRevision();

    a.replace(70, true, 60, List.of());

    assertThat(a.count()).isEqualTo(1);
    assertThat(a.sum()).isEqualTo(70.0);
    assertThat(a.energySum()).isEqualTo(1e7);
    assertThat(a.max()).isEqualTo(70.0);
    assertThat(a.minutes()).isEqualTo(60);
    assertThat(a.flags()).isEmpty();
    assertThat(a.revision()).as("the revision counts emissions, a correction does not reset it").isZero();
    assertThat(HourlyMean.of(Parameter.LMAX.code(), a)).isEqualTo(70.0);
  }

  @Test
  void stateSurvivesItsSerdeWithEveryField() {
    HourState state = new HourState();
    state.accumulator(Parameter.LA.code()).add(62.5, true, 1, List.of("B"));
    state.accumulator(Parameter.LA.code()).add(63.1, true, 1, List.of("A"));
    state.accumulator(Parameter.LA.code()).nextRevision();
    state.accumulator(Parameter.CO.code()).add(0.8, false, 5, List.of("NEGATIVE"));

    HourState back = roundTrip(state);

    assertThat(back.byParameter()).containsOnlyKeys(Parameter.CO.code(), Parameter.LA.code());
    HourState.Accumulator la = back.accumulator(Parameter.LA.code());
    HourState.Accumulator original = state.accumulator(Parameter.LA.code());
    assertThat(la.count()).isEqualTo(2);
    assertThat(la.sum()).isEqualTo(original.sum());
    assertThat(la.energySum()).isEqualTo(original.energySum());
    assertThat(la.max()).isEqualTo(63.1);
    assertThat(la.minutes()).isEqualTo(2);
    assertThat(la.flags()).containsExactly("A", "B");
    assertThat(la.revision()).isZero();
    HourState.Accumulator co = back.accumulator(Parameter.CO.code());
    assertThat(co.count()).isZero();
    assertThat(co.max()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(co.flags()).containsExactly("NEGATIVE");
    assertThat(co.revision()).isEqualTo(-1);
  }

  private static HourState roundTrip(HourState state) {
    byte[] bytes = HourState.SERDE.serializer().serialize("t", state);
    assertThat(bytes[0]).as("state format").isEqualTo((byte) 2);
    return HourState.SERDE.deserializer().deserialize("t", bytes);
  }
}
