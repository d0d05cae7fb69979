package org.envmon.streams.internals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.envmon.schemas.AlertState;
import org.junit.jupiter.api.Test;

class AlertStateMachineTest {
  private static final long H = 3_600_000L;
  private static final Threshold LIMIT_75 = Threshold.withClearRatio(75, Direction.ABOVE, 0.9);

  /** Runs values (one per hour) through the machine and returns the published transitions. */
  private static List<Transition> run(Threshold t, int pending, double... values) {
    Episode e = Episode.INITIAL;
    List<Transition> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Severity sev = AlertPolicy.DEFAULT.severityOf(values[i], t);
      AlertStateMachine.Step step = AlertStateMachine.advance(e, new Observation(i * H, 0, values[i], sev), t, pending);
      e = step.next();
      step.transition().ifPresent(out::add);
    }
    return out;
  }

  @Test
  void flappingAroundTheLimitOpensOnceAndClearsOnceWithHysteresis() {
    List<Transition> out = run(LIMIT_75, 1, 70, 76, 74, 77, 73, 76, 67.5, 80);
    assertThat(out).containsExactly(
        new Transition(AlertState.OPEN, Severity.WARNING, 1 * H, 1 * H, 76, 75),
        new Transition(AlertState.CLEARED, Severity.WARNING, 1 * H, 6 * H, 67.5, 67.5),
        new Transition(AlertState.OPEN, Severity.WARNING, 7 * H, 7 * H, 80, 75));
  }

  @Test
  void valueExactlyAtTheLimitDoesNotExceed() {
    assertThat(run(LIMIT_75, 1, 75, 75, 75)).isEmpty();
  }

  @Test
  void pendingNeedsConsecutiveExceedancesAndDatesTheEpisodeFromTheFirst() {
    assertThat(run(LIMIT_75, 3, 80, 80, 70, 80, 80, 80)).containsExactly(
        new Transition(AlertState.OPEN, Severity.WARNING, 3 * H, 5 * H, 80, 75));
  }

  @Test
  void escalatesOnlyWhenSeverityRises() {
    assertThat(run(LIMIT_75, 1, 80, 120, 100, 160, 150, 60)).containsExactly(
        new Transition(AlertState.OPEN, Severity.WARNING, 0, 0, 80, 75),
        new Transition(AlertState.ESCALATED, Severity.MAJOR, 0, 1 * H, 120, 75),
        new Transition(AlertState.ESCALATED, Severity.CRITICAL, 0, 3 * H, 160, 75),
        new Transition(AlertState.CLEARED, Severity.CRITICAL, 0, 5 * H, 60, 67.5));
  }

  @Test
  void minimumLimitsExceedBelowAndClearAboveTheMirroredLevel() {
    Threshold dissolvedOxygen = Threshold.withClearRatio(5, Direction.BELOW, 0.9);
    assertThat(run(dissolvedOxygen, 1, 6, 4.5, 5.2, 5.5)).containsExactly(
        new Transition(AlertState.OPEN, Severity.WARNING, 1 * H, 1 * H, 4.5, 5),
        new Transition(AlertState.CLEARED, Severity.WARNING, 1 * H, 3 * H, 5.5, 5.5));
  }

  @Test
  void reprocessingTheSamePeriodAndRevisionChangesNothing() {
    Observation high = new Observation(0, 0, 90, Severity.WARNING);
    AlertStateMachine.Step first = AlertStateMachine.advance(Episode.INITIAL, high, LIMIT_75, 1);
    AlertStateMachine.Step again = AlertStateMachine.advance(first.next(), high, LIMIT_75, 1);
    AlertStateMachine.Step older = AlertStateMachine.advance(first.next(),
        new Observation(-H, 0, 10, Severity.WARNING), LIMIT_75, 1);
    assertThat(first.transition()).isPresent();
    assertThat(again.transition()).isEmpty();
    assertThat(again.next()).isEqualTo(first.next());
    assertThat(older.transition()).isEmpty();
  }

  @Test
  void aNewerRevisionOfTheSamePeriodIsJudgedButCountsOnceTowardsPending() {
    Observation rev0 = new Observation(0, 0, 90, Severity.WARNING);
    Observation rev1 = new Observation(0, 1, 95, Severity.WARNING);
    AlertStateMachine.Step a = AlertStateMachine.advance(Episode.INITIAL, rev0, LIMIT_75, 2);
    AlertStateMachine.Step b = AlertStateMachine.advance(a.next(), rev1, LIMIT_75, 2);
    assertThat(b.transition()).isEmpty();
    assertThat(b.next().consecutive()).isEqualTo(1);
  }

  @Test
  void episodeSurvivesTheStoreSerde() {
    Episode e = new Episode(AlertState.ESCALATED, Severity.MAJOR, 5 * H, 0, 9 * H, 2);
    byte[] bytes = EpisodeSerde.serde().serializer().serialize("t", e);
    assertThat(EpisodeSerde.serde().deserializer().deserialize("t", bytes)).isEqualTo(e);
  }

  @Test
  void clearLevelOnTheBadSideIsRejected() {
    assertThatThrownBy(() -> new Threshold(75, 80, Direction.ABOVE))
        .hasMessageContaining("good side");
  }
}
