package org.envmon.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyedCountsTest {
  @Test
  void eachKeyStaysWithinTheCap() {
    KeyedCounts counts = new KeyedCounts(3);
    assertThat(counts.tryAdd("A", 2)).isEqualTo(KeyedCounts.Outcome.ADDED);
    assertThat(counts.tryAdd("A", 1)).isEqualTo(KeyedCounts.Outcome.ADDED);
    assertThat(counts.tryAdd("A", 1)).isEqualTo(KeyedCounts.Outcome.REFUSED);
    assertThat(counts.tryAdd("B", 3)).isEqualTo(KeyedCounts.Outcome.ADDED);
    assertThat(counts.count("A")).isEqualTo(3);
  }

  @Test
  void refusalsAfterTheFirstBelongToTheSameEpisodeUntilTheKeyGivesSomethingBack() {
    KeyedCounts counts = new KeyedCounts(1);
    counts.tryAdd("A", 1);
    assertThat(counts.tryAdd("A", 1)).isEqualTo(KeyedCounts.Outcome.REFUSED);
    assertThat(counts.tryAdd("A", 1)).isEqualTo(KeyedCounts.Outcome.REFUSED_AGAIN);
    counts.subtract("A", 1);
    counts.tryAdd("A", 1);
    assertThat(counts.tryAdd("A", 1)).isEqualTo(KeyedCounts.Outcome.REFUSED);
  }

  @Test
  void onlyKeysHoldingSomethingAreKept() {
    KeyedCounts counts = new KeyedCounts(2);
    for (int i = 0; i < 1_000; i++) {
      counts.tryAdd("k" + i, 1);
      counts.subtract("k" + i, 1);
    }
    counts.tryAdd("held", 1);
    assertThat(counts.keys()).isEqualTo(1);
  }

  @Test
  void misuseIsAnError() {
    KeyedCounts counts = new KeyedCounts(2);
    assertThatThrownBy(() -> counts.tryAdd("A", 3)).hasMessageContaining("1 .. 2");
    assertThatThrownBy(() -> counts.subtract("A", 1)).hasMessageContaining("holds 0");
    assertThatThrownBy(() -> new KeyedCounts(0)).hasMessageContaining("at least 1");
  }
}
