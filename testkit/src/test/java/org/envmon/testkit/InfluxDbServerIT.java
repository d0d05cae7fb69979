package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxDbServerIT {
  private static final String POINTS = """
      hourly,station=Aotizhongxin,parameter=PM2_5 value=42.5,samples=60i,valid=true 1356998400
      hourly,station=Dongsi,parameter=PM2_5 value=17,samples=45i,valid=false 1356998400
      """;

  @Test
  void writesQueriesAndKeepsDataAcrossStopAndStart() {
    try (InfluxDbServer influx = InfluxDbServer.launch()) {
      assertThat(influx.httpPort()).isNotEqualTo(8086);
      influx.createDatabase("envmon");
      influx.write("envmon", POINTS, "s");

      List<Map<String, Object>> expected = List.of(
          Map.of("time", "2013-01-01T00:00:00Z", "station", "Aotizhongxin", "value", 42.5, "samples", 60, "valid", true),
          Map.of("time", "2013-01-01T00:00:00Z", "station", "Dongsi", "value", 17, "samples", 45, "valid", false));
      String select = "SELECT time, station, value, samples, valid FROM hourly ORDER BY time";
      assertThat(influx.query("envmon", select)).containsExactlyInAnyOrderElementsOf(expected);

      influx.stop();
      assertThat(influx.isRunning()).isFalse();
      assertThatThrownBy(() -> influx.write("envmon", POINTS, "s"))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("it is stopped");

      influx.start();
      assertThat(influx.isRunning()).isTrue();
      assertThat(influx.query("envmon", select)).containsExactlyInAnyOrderElementsOf(expected);
      influx.write("envmon", "hourly,station=Dongsi,parameter=PM2_5 value=18 1356998400", "s");
      assertThat(influx.query("envmon", "SELECT value FROM hourly WHERE station = 'Dongsi'"))
          .containsExactly(Map.of("time", "2013-01-01T00:00:00Z", "value", 18));
    }
  }

  @Test
  void groupedQueriesReturnTagsAndBadInputSaysWhy() {
    try (InfluxDbServer influx = InfluxDbServer.launch()) {
      influx.createDatabase("envmon");
      influx.write("envmon", POINTS, "s");
      assertThat(influx.query("envmon", "SELECT count(value) FROM hourly GROUP BY station"))
          .containsExactlyInAnyOrder(
              Map.of("station", "Aotizhongxin", "time", "1970-01-01T00:00:00Z", "count", 1),
              Map.of("station", "Dongsi", "time", "1970-01-01T00:00:00Z", "count", 1));

      assertThatThrownBy(() -> influx.write("envmon", "hourly value=", "s"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("InfluxDB rejected the write to envmon (HTTP 400)");
      assertThatThrownBy(() -> influx.query("envmon", "SELEKT 1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("InfluxDB rejected 'SELEKT 1'");
    }
  }
}
