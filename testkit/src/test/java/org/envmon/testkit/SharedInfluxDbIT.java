package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithInfluxDb
class SharedInfluxDbIT {
  @Test
  void injectsARunningServer(InfluxDbServer influx) {
    assertThat(influx.isRunning()).isTrue();
    influx.createDatabase("shared");
    influx.write("shared", "noise,station=N1 leq=55.5 1356998400000000000");
    assertThat(influx.query("shared", "SHOW MEASUREMENTS")).isEqualTo(List.of(Map.of("name", "noise")));
  }
}
