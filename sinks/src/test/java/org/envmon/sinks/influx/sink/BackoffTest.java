package org.envmon.sinks.influx.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void growsExponentiallyWithinJitterBoundsUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(42));
    long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {800, 1600}, {1000, 2000}, {1000, 2000}};
    for (int attempt = 0; attempt < bounds.length; attempt++) {
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delay(attempt).toMillis()).isBetween(bounds[attempt][0], bounds[attempt][1]);
      }
    }
    assertThat(backoff.delay(10_000).toMillis()).isBetween(1000L, 2000L);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new SplittableRandom()))
        .hasMessageContaining("0 < initial <= max");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()))
        .hasMessageContaining("0 < initial <= max");
  }
}
