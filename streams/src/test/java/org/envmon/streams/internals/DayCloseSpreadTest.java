package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DayCloseSpreadTest {
  @Test
  void sequentialStationIdsSpreadOverTheHourInTenMinuteStepsBetweenTheHourCloses() {
    DayCloseSpread spread = new DayCloseSpread(Duration.ofHours(1));
    Map<Long, Integer> perOffset = new TreeMap<>();
    IntStream.rangeClosed(1, 1_000).mapToObj(i -> String.format("load-%05d", i))
        .forEach(id -> perOffset.merge(spread.offsetMs(id), 1, Integer::sum));

    assertThat(perOffset.keySet()).containsExactly(600_000L, 1_200_000L, 1_800_000L, 2_400_000L, 3_000_000L);
    // 1 000 stations over five offsets: 200 on average
    assertThat(perOffset.values()).allSatisfy(n -> assertThat(n).isBetween(150, 250));
    assertThat(spread.tickIntervalMs()).as("clocks tick every step").isEqualTo(600_000L);
  }

  @Test
  void aSpreadOf30MinutesClosesAt10Or20Minutes() {
    DayCloseSpread spread = new DayCloseSpread(Duration.ofMinutes(30));
    assertThat(IntStream.rangeClosed(1, 100).mapToObj(i -> "s" + i).map(spread::offsetMs).distinct().sorted())
        .containsExactly(600_000L, 1_200_000L);
  }

  @Test
  void theOffsetDependsOnTheStationIdOnly() {
    assertThat(new DayCloseSpread(Duration.ofHours(1)).offsetMs("Dongsi"))
        .isEqualTo(new DayCloseSpread(Duration.ofMinutes(60)).offsetMs(new String("Dongsi".toCharArray())));
  }

  @Test
  void noSpreadClosesEveryStationAtTheGraceAndTicksHourly() {
    for (DayCloseSpread none : new DayCloseSpread[] {DayCloseSpread.none(), new DayCloseSpread(Duration.ofMinutes(19)),
        new DayCloseSpread(Duration.ofMinutes(20))}) {
      assertThat(none.offsetMs("Dongsi")).isZero();
      assertThat(none.tickIntervalMs()).isEqualTo(BeijingTime.HOUR_MS);
    }
  }

  @Test
  void aNegativeSpreadIsRefused() {
    assertThatThrownBy(() -> new DayCloseSpread(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or more");
  }
}
