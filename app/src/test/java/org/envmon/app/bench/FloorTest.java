package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloorTest {
  private final Floor atLeast = new Floor("rate", true, 50_000, "rate >= 50 000");
  private final Floor atMost = new Floor("p99", false, 250, "p99 <= 250");

  @Test
  void limitsAreInclusive() {
    assertThat(atLeast.met(Map.of("rate", 50_000.0))).contains(true);
    assertThat(atLeast.met(Map.of("rate", 49_999.9))).contains(false);
    assertThat(atMost.met(Map.of("p99", 250.0))).contains(true);
    assertThat(atMost.met(Map.of("p99", 250.1))).contains(false);
  }

  @Test
  void unmeasuredFiguresAreNeitherMetNorFailed() {
    assertThat(atLeast.met(Map.of())).isEqualTo(Optional.empty());
    assertThat(atLeast.met(Map.of("rate", Double.NaN))).isEqualTo(Optional.empty());
    assertThat(atLeast.verdict(Map.of())).endsWith(" not measured").startsWith("bench: floor rate >= 50 000");
  }

  @Test
  void aFloorStatedAtAGivenFigureJudgesOnlyRunsMeasuredThere() {
    Floor atHalfLoad = new Floor("p99", false, 250, "p99 <= 250 at half load", Map.entry("share", 0.5));
    assertThat(atHalfLoad.met(Map.of("p99", 200.0, "share", 0.5))).contains(true);
    assertThat(atHalfLoad.met(Map.of("p99", 300.0, "share", 0.5))).contains(false);
    assertThat(atHalfLoad.met(Map.of("p99", 200.0, "share", 0.25))).isEmpty();
    assertThat(atHalfLoad.met(Map.of("p99", 200.0))).isEmpty();
  }

  @Test
  void everyIssueFloorJudgesAFigureTheBenchReports() {
    assertThat(Floor.ISSUE_7).extracting(Floor::key).containsExactly(BenchKeys.PIPELINE_RATE,
        BenchKeys.PIPELINE_RATIO, BenchKeys.LATENCY_P99, BenchKeys.SINK_RATIO, BenchKeys.REPLAY_SECONDS,
        BenchKeys.PEAK_HEAP_MIB);
  }
}
