package org.envmon.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves by exact nanoseconds. */
class StationRateLimiterTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  private StationRateLimiter limiter(double perSecond, int burst, int maxKeys) {
    return new StationRateLimiter(new StationRate(perSecond, burst), maxKeys, now::get);
  }

  @Test
  void aQuietStationMaySendItsBurstAtOnceAndThenWaitsOneIntervalPerUnit() {
    StationRateLimiter limiter = limiter(100, 10, 10); // one token every 10 ms

    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("A", 1).granted()).as("packet %d of the burst", i).isTrue();
    }
    StationRateLimiter.Decision refused = limiter.tryAcquire("A", 1);

    assertThat(refused.granted()).isFalse();
    assertThat(refused.waitNanos()).isEqualTo(10 * MS);
    now.addAndGet(10 * MS - 1);
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).as("one nanosecond early").isEqualTo(1);
    now.addAndGet(1);
    assertThat(limiter.tryAcquire("A", 1).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(10 * MS);
  }

  @Test
  void theSustainedRateIsExactlyTheConfiguredOne() {
    StationRateLimiter limiter = limiter(100, 10, 10);
    long granted = 0;
    long end = now.get() + 10 * SECOND;
    while (now.get() <= end) {
      StationRateLimiter.Decision d = limiter.tryAcquire("A", 1);
      if (d.granted()) {
        granted++;
      } else {
        now.addAndGet(d.waitNanos()); // a client that waits exactly as told
      }
    }
    assertThat(granted).isEqualTo(10 + 100 * 10); // the burst, then 100 per second for 10 s
  }

  @Test
  void theBucketRefillsToTheBurstAndNoFurther() {
    StationRateLimiter limiter = limiter(10, 5, 10); // one token every 100 ms
    for (int i = 0; i < 5; i++) {
      limiter.tryAcquire("A", 1);
    }
    now.addAndGet(250 * MS); // two and a half tokens back
    assertThat(limiter.tryAcquire("A", 2).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(50 * MS);

    now.addAndGet(3_600 * SECOND); // an hour of silence refills only the burst
    assertThat(limiter.tryAcquire("A", 5).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).granted()).isFalse();
  }

  @Test
  void aRequestLargerThanTheBurstWaitsForAFullBucketAndLeavesItInDebt() {
    StationRateLimiter limiter = limiter(10, 5, 10);
    limiter.tryAcquire("A", 1);
    StationRateLimiter.Decision notYet = limiter.tryAcquire("A", 8);
    assertThat(notYet.waitNanos()).as("until the bucket is full again").isEqualTo(100 * MS);

    now.addAndGet(100 * MS);
    assertThat(limiter.tryAcquire("A", 8).granted()).isTrue();
    // 3 tokens of debt plus 1 wanted: 400 ms before the next unit.
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(400 * MS);
  }

  @Test
  void checkDecidesLikeTryAcquireButTakesNothing() {
    StationRateLimiter limiter = limiter(10, 2, 10);
    assertThat(limiter.check("A", 2).granted()).isTrue();
    assertThat(limiter.check("A", 2).granted()).isTrue();
    limiter.tryAcquire("A", 2);
    assertThat(limiter.check("A", 1).waitNanos()).isEqualTo(100 * MS);
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(100 * MS);
  }

  @Test
  void stationsHaveTheirOwnBuckets() {
    StationRateLimiter limiter = limiter(1, 1, 10);
    assertThat(limiter.tryAcquire("A", 1).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).granted()).isFalse();
    assertThat(limiter.tryAcquire("B", 1).granted()).isTrue();
  }

  @Test
  void onlyTheFirstRefusalSinceTheBucketWasLastFullStartsAnEpisode() {
    StationRateLimiter limiter = limiter(10, 2, 10);
    limiter.tryAcquire("A", 2);
    assertThat(limiter.tryAcquire("A", 1).episodeStart()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).episodeStart()).isFalse();
    now.addAndGet(100 * MS); // one token back, still not full: the episode goes on
    assertThat(limiter.tryAcquire("A", 1).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).episodeStart()).isFalse();

    now.addAndGet(200 * MS); // full again: the episode is over
    limiter.tryAcquire("A", 2);
    assertThat(limiter.tryAcquire("A", 1).episodeStart()).isTrue();
  }

  @Test
  void aStationWhoseBucketIsFullAgainIsForgotten() {
    StationRateLimiter limiter = limiter(10, 2, 10);
    limiter.tryAcquire("A", 1);
    limiter.tryAcquire("B", 2);
    assertThat(limiter.trackedStations()).isEqualTo(2);

    now.addAndGet(100 * MS); // A is full again, B is not
    limiter.check("C", 1);
    assertThat(limiter.trackedStations()).isEqualTo(1);
    now.addAndGet(100 * MS);
    limiter.check("C", 1);
    assertThat(limiter.trackedStations()).isZero();
  }

  @Test
  void theNumberOfTrackedStationsIsBoundedAndTheLeastRecentlySeenGoesFirst() {
    StationRateLimiter limiter = limiter(1, 1, 3);
    for (String s : new String[] {"A", "B", "C"}) {
      limiter.tryAcquire(s, 1);
    }
    limiter.tryAcquire("A", 1); // refused, but A is now the most recently seen
    for (int i = 0; i < 1_000; i++) {
      limiter.tryAcquire("flood-" + i, 1);
      assertThat(limiter.trackedStations()).isLessThanOrEqualTo(3);
    }
    // Forgotten while still empty: such a station starts again with a full bucket (more lenient).
    assertThat(limiter.tryAcquire("B", 1).granted()).isTrue();
  }

  @Test
  void aClockThatWrapsAroundChangesNothing() {
    now.set(Long.MAX_VALUE - 5 * MS);
    StationRateLimiter limiter = limiter(100, 1, 10);
    assertThat(limiter.tryAcquire("A", 1).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(10 * MS);
    now.addAndGet(10 * MS); // past Long.MAX_VALUE
    assertThat(limiter.tryAcquire("A", 1).granted()).isTrue();
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(10 * MS);
  }

  @Test
  void retryAfterIsTheWaitInWholeSecondsRoundedUp() {
    assertThat(new StationRateLimiter.Decision(1, true).retryAfterSeconds()).isEqualTo(1);
    assertThat(new StationRateLimiter.Decision(SECOND, true).retryAfterSeconds()).isEqualTo(1);
    assertThat(new StationRateLimiter.Decision(SECOND + 1, true).retryAfterSeconds()).isEqualTo(2);
  }

  @Test
  void fractionalRatesWork() {
    StationRateLimiter limiter = limiter(0.5, 1, 10);
    limiter.tryAcquire("A", 1);
    assertThat(limiter.tryAcquire("A", 1).waitNanos()).isEqualTo(2 * SECOND);
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThatThrownBy(() -> new StationRate(0, 1)).hasMessageContaining("per second");
    assertThatThrownBy(() -> new StationRate(Double.NaN, 1)).hasMessageContaining("per second");
    assertThatThrownBy(() -> new StationRate(1, 0)).hasMessageContaining("burst");
    assertThatThrownBy(() -> limiter(1, 1, 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> limiter(1, 1, 1).tryAcquire("A", 0)).hasMessageContaining("at least 1");
  }
}
