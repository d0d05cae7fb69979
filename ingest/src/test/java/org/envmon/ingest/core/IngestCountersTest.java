package org.envmon.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestCountersTest {
  @Test
  void countsPerSourceAndReason() {
    IngestCounters counters = IngestCounters.inMemory();
    counters.accepted("replay", 5);
    counters.accepted("replay", 2);
    counters.rejected("replay", RejectReason.MALFORMED);
    counters.rejected("replay", RejectReason.UNKNOWN_STATION);
    counters.rejected("replay", RejectReason.MALFORMED);
    counters.rejected("http", RejectReason.AUTH_FAILED);

    assertThat(counters.acceptedCount("replay")).isEqualTo(7);
    assertThat(counters.rejectedCount("replay", RejectReason.MALFORMED)).isEqualTo(2);
    assertThat(counters.rejectedCount("replay")).isEqualTo(3);
    assertThat(counters.rejectedCount("http")).isEqualTo(1);
    assertThat(counters.acceptedCount("http")).isZero();
  }
}
