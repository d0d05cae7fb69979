package org.envmon.streams.internals.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.envmon.standards.noise.NoisePeriod;
import org.envmon.standards.noise.NoisePeriodKey;
import org.junit.jupiter.api.Test;

class NoisePeriodLevelsTest {
  private static final NoisePeriodKey NIGHT = new NoisePeriodKey(LocalDate.of(2026, 5, 1), NoisePeriod.NIGHT);

  @Test
  void aNightCrossesMidnightAndIsCompleteWithEightHours() {
    NoisePeriodLevels p = NoisePeriodLevels.open(NIGHT);
    for (int h = 0; h < 8; h++) {
      assertThat(p.complete()).isFalse();
      p = p.with(LocalDateTime.of(2026, 5, 1, 22, 0).plusHours(h), 40 + h);
    }
    assertThat(p.complete()).isTrue();
    assertThat(p.max()).isEqualTo(47.0);
    assertThat(NoisePeriodLevelsSerde.serde().deserializer()
        .deserialize("t", NoisePeriodLevelsSerde.serde().serializer().serialize("t", p))).isEqualTo(p);
  }

  @Test
  void anHourOutsideThePeriodIsRejected() {
    assertThatThrownBy(() -> NoisePeriodLevels.open(NIGHT).with(LocalDateTime.of(2026, 5, 2, 6, 0), 40))
        .hasMessageContaining("outside the NIGHT period");
  }

  @Test
  void leqNeedsThePolicyShareOfHours() {
    assertThat(NoisePolicy.DEFAULT.requiredHours(16)).isEqualTo(12);
    assertThat(NoisePolicy.DEFAULT.requiredHours(8)).isEqualTo(6);
    assertThat(new NoisePolicy(1.0).requiredHours(8)).isEqualTo(8);
  }
}
