package org.envmon.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.envmon.app.chaos.AlertTransitions.Transition;
import org.junit.jupiter.api.Test;

class AlertTransitionsTest {
  @Test
  void anEpisodesDistinctTransitionsAreNoDuplicates() {
    AlertTransitions t = new AlertTransitions(List.of(
        new Transition("Dongsi|PM2_5.24h|1420070400000", "OPEN", "envmon.alerts-0@0"),
        new Transition("Dongsi|PM2_5.24h|1420070400000", "ESCALATED", "envmon.alerts-0@1"),
        new Transition("Dongsi|PM2_5.24h|1420070400000", "CLEARED", "envmon.alerts-0@2"),
        new Transition("Dongsi|PM2_5.24h|1420156800000", "OPEN", "envmon.alerts-0@3")));
    assertThat(t.duplicates()).isEmpty();
    assertThat(t.size()).isEqualTo(4);
  }

  @Test
  void theSameTransitionTwiceIsReportedWithEveryCopy() {
    AlertTransitions t = new AlertTransitions(List.of(
        new Transition("a", "OPEN", "envmon.alerts-1@7"),
        new Transition("b", "OPEN", "envmon.alerts-2@3"),
        new Transition("a", "CLEARED", "envmon.alerts-1@8"),
        new Transition("a", "OPEN", "envmon.alerts-1@9")));
    assertThat(t.duplicates()).isEqualTo(Map.of("a OPEN", List.of("envmon.alerts-1@7", "envmon.alerts-1@9")));
  }
}
