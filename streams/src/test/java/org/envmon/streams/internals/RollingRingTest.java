package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RollingRingTest {
  private static final long HOUR = BeijingTime.HOUR_MS;

  /** The window recomputed from scratch: every hour ending at {@code latest}, NaN where absent. */
  private static double[] bruteForce(TreeMap<Long, Double> hours, long latest, int size) {
    double[] window = new double[size];
    for (int i = 0; i < size; i++) {
      window[i] = hours.getOrDefault(latest - (long) (size - 1 - i) * HOUR, Double.NaN);
    }
    return window;
  }

  @Test
  void ringEqualsABruteForceRecomputationOverARandomSequence() {
    Random random = new Random(20140301L);
    RollingRing ring = new RollingRing();
    TreeMap<Long, Double> truth = new TreeMap<>();
    long latest = 1_393_603_200_000L; // 2014-02-28T16:00Z, Beijing midnight
    for (int step = 0; step < 5_000; step++) {
      long hour;
      int kind = random.nextInt(10);
      if (kind < 7) {
        latest += HOUR;
        hour = latest;
      } else if (kind < 8) {
        latest += HOUR * (2 + random.nextInt(30)); // a gap, sometimes longer than the ring
        hour = latest;
      } else {
        hour = latest - HOUR * random.nextInt(30); // a revision, sometimes older than the ring
      }
      double value = random.nextInt(8) == 0 ? Double.NaN : random.nextDouble() * 300;
      RollingRing.Change change = ring.put(hour, value);
      if (latest - hour < RollingRing.SIZE * HOUR) {
        truth.put(hour, value);
      } else {
        assertThat(change).isEqualTo(RollingRing.Change.OUTSIDE);
      }
      assertThat(ring.latestHour()).isEqualTo(latest);
      assertThat(Arrays.equals(ring.window(24), bruteForce(truth, latest, 24))).as("24 h at step %d", step).isTrue();
      assertThat(Arrays.equals(ring.window(8), bruteForce(truth, latest, 8))).as("8 h at step %d", step).isTrue();
    }
  }

  @Test
  void revisionsCountUpUntilTheNextHour() {
    RollingRing ring = new RollingRing();
    assertThat(ring.put(10 * HOUR, 1)).isEqualTo(RollingRing.Change.NEW_HOUR);
    assertThat(ring.put(5 * HOUR, 2)).isEqualTo(RollingRing.Change.REVISED_BOTH);
    assertThat(ring.put(0, 3)).isEqualTo(RollingRing.Change.REVISED_24H);
    assertThat(ring.revision(24)).isEqualTo(2);
    assertThat(ring.revision(8)).isEqualTo(1);
    ring.put(11 * HOUR, 4);
    assertThat(ring.revision(24)).isZero();
  }

  @Test
  void survivesItsSerde() {
    RollingRing ring = new RollingRing();
    ring.put(3 * HOUR, 12.5);
    ring.put(4 * HOUR, Double.NaN);
    byte[] bytes = RollingRing.SERDE.serializer().serialize("t", ring);
    RollingRing back = RollingRing.SERDE.deserializer().deserialize("t", bytes);
    assertThat(back.latestHour()).isEqualTo(4 * HOUR);
    assertThat(back.window(24)).isEqualTo(ring.window(24));
  }
}
