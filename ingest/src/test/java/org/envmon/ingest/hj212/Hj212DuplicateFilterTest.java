package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hj212DuplicateFilterTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Hj212DuplicateFilter.Key key(String code) {
    return new Hj212DuplicateFilter.Key("MN1", "2061", "20260101000000", code);
  }

  @Test
  void rememberedKeysAreSeenUntilTheyExpire() {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    Hj212DuplicateFilter filter = new Hj212DuplicateFilter(10, Duration.ofHours(1), clock);

    assertThat(filter.seen(key("a34004"))).isFalse();
    filter.remember(List.of(key("a34004")));
    assertThat(filter.seen(key("a34004"))).isTrue();
    assertThat(filter.seen(key("a34002"))).isFalse();
    assertThat(filter.seen(new Hj212DuplicateFilter.Key("MN1", "2051", "20260101000000", "a34004"))).isFalse();

    clock.advance(Duration.ofMinutes(61));
    assertThat(filter.seen(key("a34004"))).isFalse();
    assertThat(filter.size()).isZero();
  }

  @Test
  void theOldestKeysGiveWayWhenTheCacheIsFull() {
    Hj212DuplicateFilter filter = new Hj212DuplicateFilter(2, Duration.ofHours(1),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    filter.remember(List.of(key("a"), key("b"), key("c")));

    assertThat(filter.size()).isEqualTo(2);
    assertThat(filter.seen(key("a"))).isFalse();
    assertThat(filter.seen(key("b"))).isTrue();
    assertThat(filter.seen(key("c"))).isTrue();
  }
}
