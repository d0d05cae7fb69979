package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;

class AlertLatencyProbeTest {
  @Test
  void probeExceedsTheOneHourO3LimitsAndClosesTheHourAtOnce() {
    Instant now = Instant.parse("2026-11-21T06:41:17.250Z");
    List<Reading> probe = AlertLatencyProbe.probe("bench-probe-00007", now);

    assertThat(probe).hasSize(2);
    Reading exceeding = probe.get(0);
    assertThat(exceeding.getObservedAt()).isEqualTo(Instant.parse("2026-11-21T05:00:00Z"));
    assertThat(exceeding.getValue()).isGreaterThan(200); // GB 3095-2012 O3 1-hour limit, grade II
    Reading closing = probe.get(1);
    assertThat(closing.getObservedAt()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
    assertThat(closing.getValue()).isLessThan(160);
    assertThat(probe).allSatisfy(r -> {
      assertThat(r.getStationId()).isEqualTo("bench-probe-00007");
      assertThat(r.getParameter()).isEqualTo("O3");
      assertThat(r.getPeriodSeconds()).isEqualTo(3600);
      assertThat(r.getSampleMinutes()).isEqualTo(60);
      assertThat(r.getReceivedAt()).isEqualTo(now);
      assertThat(r.getObservedAt()).isBeforeOrEqualTo(now); // nothing from the future for QC to reject
    });
  }

  @Test
  void probeStationsAreDistinctAndMatchTheirIds() {
    assertThat(AlertLatencyProbe.stations(3)).extracting(e -> e.id())
        .containsExactly("bench-probe-00001", "bench-probe-00002", "bench-probe-00003");
  }
}
