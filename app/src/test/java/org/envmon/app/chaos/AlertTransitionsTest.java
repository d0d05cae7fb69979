package org.envmon.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.envmon.app.chaos.AlertTransitions.Transition;
import org.junit.jupiter.api.Test;

class AlertTransitionsTest {
  private static final String EPISODE = "Dongsi|GB3095-2012.PM2_5.DAILY_MEAN.II|2015-01-01T16:00:00Z";

  @Test
  void escalationsToDifferentSeveritiesAreNoDuplicates() {
    AlertTransitions t = new AlertTransitions(List.of(
        new Transition(EPISODE, "OPEN", "warning", "envmon.alerts-0@0"),
        new Transition(EPISODE, "ESCALATED", "major", "envmon.alerts-0@1"),
        new Transition(EPISODE, "ESCALATED", "critical", "envmon.alerts-0@2"),
        new Transition(EPISODE, "CLEARED", "critical", "envmon.alerts-0@3"),
        new Transition("Dongsi|GB3095-2012.PM2_5.DAILY_MEAN.II|2015-01-02T16:00:00Z", "OPEN", "warning",
            "envmon.alerts-0@4")));
    assertThat(t.duplicates()).isEmpty();
    assertThat(t.size()).isEqualTo(5);
  }

  @Test
  void theSameTransitionTwiceIsReportedWithEveryCopy() {
    AlertTransitions t = new AlertTransitions(List.of(
        new Transition("a", "OPEN", "major", "envmon.alerts-1@7"),
        new Transition("b", "OPEN", "major", "envmon.alerts-2@3"),
        new Transition("a", "ESCALATED", "critical", "envmon.alerts-1@8"),
        new Transition("a", "OPEN", "major", "envmon.alerts-1@9")));
    assertThat(t.duplicates()).isEqualTo(Map.of("a OPEN major", List.of("envmon.alerts-1@7", "envmon.alerts-1@9")));
  }
}
