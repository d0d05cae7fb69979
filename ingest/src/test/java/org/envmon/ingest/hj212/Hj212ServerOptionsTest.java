package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.envmon.ingest.core.StationRate;
import org.junit.jupiter.api.Test;

class Hj212ServerOptionsTest {
  @Test
  void defaults() {
    Hj212ServerOptions o = Hj212ServerOptions.builder().build();

    assertThat(o).isEqualTo(new Hj212ServerOptions("0.0.0.0", 9212, Duration.ofMinutes(10), 1000, 9999, 100_000,
        Duration.ofHours(48), 4, 100, new StationRate(50, 500)));
  }

  @Test
  void invalidValuesAreRefusedWithTheRange() {
    assertThatThrownBy(() -> Hj212ServerOptions.builder().port(70_000).build()).hasMessageContaining("0..65535");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().host(" ").build()).hasMessageContaining("0.0.0.0");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().readIdleTimeout(Duration.ZERO).build())
        .hasMessageContaining("idle timeout must be positive");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().maxConnections(0).build()).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().maxSegmentLength(10_000).build())
        .hasMessageContaining("1..9999");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().duplicateCacheSize(0).build()).hasMessageContaining("cache size");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().duplicateTtl(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("TTL");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().maxConnectionsPerStation(0).build())
        .hasMessageContaining("per station must be at least 1");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().maxUnauthenticatedPerHost(0).build())
        .hasMessageContaining("per host must be at least 1");
    assertThatThrownBy(() -> Hj212ServerOptions.builder().stationRate(null).build()).hasMessageContaining("stationRate");
  }
}
