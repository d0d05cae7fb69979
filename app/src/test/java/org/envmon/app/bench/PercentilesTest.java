package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOfOneToHundred() {
    double[] samples = new double[100];
    for (int i = 0; i < 100; i++) {
      samples[99 - i] = i + 1; // descending: the input order must not matter
    }
    Percentiles p = Percentiles.of(samples);
    assertThat(p).isEqualTo(new Percentiles(100, 50, 99, 100));
  }

  @Test
  void smallSamplesTakeObservedValues() {
    // n = 3: p50 is the 2nd (ceil 1.5), p99 the 3rd (ceil 2.97)
    assertThat(Percentiles.of(new double[] {30, 10, 20})).isEqualTo(new Percentiles(3, 20, 30, 30));
    assertThat(Percentiles.of(new double[] {7})).isEqualTo(new Percentiles(1, 7, 7, 7));
    // n = 2: p50 is the 1st (ceil 1.0)
    assertThat(Percentiles.of(new double[] {4, 2})).isEqualTo(new Percentiles(2, 2, 4, 4));
  }

  @Test
  void p99OfTwoHundredIgnoresOnlyTheTwoLargest() {
    double[] samples = new double[200];
    for (int i = 0; i < 200; i++) {
      samples[i] = i < 198 ? 10 : 1000 + i;
    }
    Percentiles p = Percentiles.of(samples);
    assertThat(p.p99()).isEqualTo(10); // rank ceil(198) = 198th sample
    assertThat(p.max()).isEqualTo(1199);
  }

  @Test
  void doesNotReorderTheCallersArray() {
    double[] samples = {3, 1, 2};
    Percentiles.of(samples);
    assertThat(samples).containsExactly(3, 1, 2);
  }

  @Test
  void agreesWithCountingDefinitionOnRandomSamples() {
    SplittableRandom random = new SplittableRandom(7);
    for (int run = 0; run < 500; run++) {
      double[] samples = random.doubles(1 + random.nextInt(300), 0, 1000).toArray();
      Percentiles p = Percentiles.of(samples);
      // at least p % of the samples are <= the figure, and fewer than p % are below it
      for (double[] check : new double[][] {{50, p.p50()}, {99, p.p99()}}) {
        long atMost = java.util.Arrays.stream(samples).filter(s -> s <= check[1]).count();
        long below = java.util.Arrays.stream(samples).filter(s -> s < check[1]).count();
        assertThat(atMost * 100.0).isGreaterThanOrEqualTo(check[0] * samples.length);
        assertThat(below * 100.0).isLessThan(check[0] * samples.length);
      }
      assertThat(p.max()).isEqualTo(java.util.Arrays.stream(samples).max().orElseThrow());
    }
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> Percentiles.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no latency samples");
  }
}
