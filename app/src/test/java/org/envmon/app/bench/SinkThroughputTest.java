package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.schemas.HourlyValue;
import org.envmon.sinks.influx.point.NoiseZones;
import org.envmon.sinks.influx.point.PointMapper;
import org.junit.jupiter.api.Test;

class SinkThroughputTest {
  @Test
  void recordsAreDistinctPointsSoNoneOverwritesAnother() {
    List<HourlyValue> records = SinkThroughput.records(13_000);
    PointMapper mapper = new PointMapper(NoiseZones.NONE);
    Set<String> identities = records.stream().map(mapper::hourly)
        .map(p -> p.measurement() + p.tags() + p.timeMillis()).collect(Collectors.toSet());
    assertThat(identities).hasSize(13_000);
    assertThat(records.get(0).getHourStart()).isBefore(records.get(12_999).getHourStart());
  }
}
