package org.envmon.streams.internals.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.Test;

class StationHealthTest {
  private static final long H = 3_600_000L;
  private final StationHealth health = new StationHealth(HealthPolicy.DEFAULT);

  private StationActivity deliver(StationActivity a, int... hours) {
    for (int h : hours) {
      a = health.onReading(a, h * H, 0, "东城", Medium.AIR).activity();
    }
    return a;
  }

  @Test
  void coverageCountsDistinctHoursOfTheWindowSinceTheFirstHour() {
    StationActivity a = deliver(null, 10, 10, 11);
    assertThat(a.coverage(6)).isEqualTo(1.0);
    a = deliver(a, 15);
    assertThat(a.coverage(6)).isEqualTo(3.0 / 6);
  }

  @Test
  void anHourOlderThanTheNewestStillCounts() {
    StationActivity a = deliver(null, 0, 1, 2, 3, 5, 4);
    assertThat(a.coverage(6)).isEqualTo(1.0);
  }

  @Test
  void silenceAfterARestartCountsFromTheRestart() {
    StationActivity a = deliver(null, 0);
    long restartedAt = 10 * H;
    assertThat(health.onTick(a, restartedAt + H, restartedAt).change()).isEmpty();
    StationHealth.Outcome silent = health.onTick(a, restartedAt + 2 * H, restartedAt);
    assertThat(silent.change()).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(AlertState.OPEN);
      assertThat(c.episodeStart()).isEqualTo(restartedAt);
    });
    assertThat(health.onTick(silent.activity(), restartedAt + 3 * H, restartedAt).change())
        .as("an open episode is not opened again").isEmpty();
  }

  @Test
  void policyRejectsNonsense() {
    assertThatThrownBy(() -> new HealthPolicy(0, 0.75, Duration.ofHours(1), Duration.ofMinutes(1)))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new HealthPolicy(6, 1.5, Duration.ofHours(1), Duration.ofMinutes(1)))
        .hasMessageContaining("coverage");
  }
}
