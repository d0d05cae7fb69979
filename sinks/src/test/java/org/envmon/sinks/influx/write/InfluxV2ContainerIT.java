package org.envmon.sinks.influx.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.query.FluxTable;
import java.time.Instant;
import java.util.List;
import org.envmon.sinks.influx.SampleRecords;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.testkit.RequiresDocker;
import org.envmon.testkit.TestContainers;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.InfluxDBContainer;

/** The v2 writer against InfluxDB 2 in Testcontainers; disabled where no Docker engine runs. */
@RequiresDocker
class InfluxV2ContainerIT {
  private static final Instant HOUR = Instant.parse("2026-01-15T04:00:00Z");

  @Test
  void writesToInfluxDb2AndReWritingOverwrites() {
    PointMapper mapper = SampleRecords.mapper();
    List<LinePoint> points = SampleRecords.at(HOUR).stream().flatMap(r -> mapper.map(r).stream()).toList();
    try (InfluxDBContainer<?> influx = TestContainers.startOrSkip(TestContainers.influxDb2())) {
      try (InfluxV2Writer writer = new InfluxV2Writer(InfluxV2Options.builder().url(influx.getUrl())
          .org(TestContainers.INFLUXDB_ORG).bucket(TestContainers.INFLUXDB_BUCKET)
          .token(Secret.of(TestContainers.INFLUXDB_TOKEN)).build())) {
        writer.write(points);
        writer.write(points);
      } catch (InfluxWriteException e) {
        throw new AssertionError(e);
      }
      try (InfluxDBClient client = InfluxDBClientFactory.create(influx.getUrl(),
          TestContainers.INFLUXDB_TOKEN.toCharArray(), TestContainers.INFLUXDB_ORG)) {
        List<FluxTable> tables = client.getQueryApi().query("from(bucket: \"" + TestContainers.INFLUXDB_BUCKET + "\")"
            + " |> range(start: 2026-01-01T00:00:00Z, stop: 2026-02-01T00:00:00Z)"
            + " |> filter(fn: (r) => r._measurement == \"hourly\" and r._field == \"value\")"
            + " |> group() |> count()");
        assertThat(tables).singleElement().satisfies(t ->
            assertThat(t.getRecords()).singleElement().satisfies(r -> assertThat(r.getValue()).isEqualTo(7L)));
      }
    }
  }
}
