package org.envmon.sinks.influx.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DASHBOARDS = List.of("envmon-alerts", "envmon-city-overview",
      "envmon-noise", "envmon-plan-progress", "envmon-station-detail", "envmon-voc", "envmon-water");

  @Test
  void everyDashboardParsesAndUsesTheProvisionedInfluxDatasource() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(GrafanaFiles.dashboards())) {
      files = list.sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(DASHBOARDS.stream().map(d -> d + ".json").toList());
    for (Path file : files) {
      JsonNode d = JSON.readTree(file.toFile());
      assertThat(d.path("uid").asText()).as(file.toString()).isEqualTo(file.getFileName().toString().replace(".json", ""));
      assertThat(d.path("panels").size()).as(file.toString()).isGreaterThanOrEqualTo(3);
      assertThat(d.findValues("uid").stream().map(JsonNode::asText)
          .filter(u -> u.startsWith("envmon-") && !u.equals(d.path("uid").asText())))
          .as(file.toString()).isSubsetOf("envmon-influxdb", "envmon-static");
    }
    String datasources = Files.readString(GrafanaFiles.provisioning().resolve("datasources/envmon.yaml"));
    assertThat(datasources).contains("uid: envmon-influxdb", "type: influxdb", "url: ${INFLUXDB_URL}",
        "uid: envmon-static");
  }

  @Test
  void everyPanelHasAPlausibleInfluxQlQueryWithAllMacrosResolved() {
    List<PanelQuery> queries = DashboardQueries.extract(GrafanaFiles.dashboards(),
        GrafanaFiles.context("Dongsi", "东城"));
    assertThat(queries).extracting(PanelQuery::dashboard).containsAll(DASHBOARDS);
    for (PanelQuery q : queries) {
      String s = q.influxql();
      assertThat(s).as(q.toString()).matches("(?s)^(SELECT|SHOW) .*").contains(" FROM ")
          .doesNotContain("$").doesNotContain("[[");
      assertThat(count(s, '(')).as(q.toString()).isEqualTo(count(s, ')'));
      assertThat(count(s.replace("\\'", ""), '\'') % 2).as(q.toString()).isZero();
      assertThat(count(s, '"') % 2).as(q.toString()).isZero();
      if (q.template().contains("$timeFilter")) {
        assertThat(s).contains("time >= 1767225600000ms AND time <= 1769904000000ms");
      }
    }
  }

  @Test
  void resolvesMacrosAndVariablesExactly() {
    QueryContext ctx = new QueryContext(Instant.ofEpochMilli(1000), Instant.ofEpochMilli(5000), "5m",
        Map.of("station", "O'Hare", "p", "PM2_5"));
    assertThat(DashboardQueries.resolve("SELECT mean(\"value\") FROM \"hourly\" WHERE \"station\" = '$station' "
        + "AND parameter = '${p}' AND x = '[[p]]' AND $timeFilter GROUP BY time($__interval) LIMIT $__interval_ms",
        ctx, "d", "panel")).isEqualTo("SELECT mean(\"value\") FROM \"hourly\" WHERE \"station\" = 'O\\'Hare' "
        + "AND parameter = 'PM2_5' AND x = 'PM2_5' AND time >= 1000ms AND time <= 5000ms GROUP BY time(5m) LIMIT 300000");
  }

  @Test
  void namesTheDashboardAndPanelOfAnUnresolvableOrMissingQuery(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.json"), "{\"uid\":\"bad\",\"panels\":[{\"type\":\"timeseries\","
        + "\"title\":\"P1\",\"datasource\":{\"type\":\"influxdb\"},\"targets\":[{\"refId\":\"A\","
        + "\"query\":\"SELECT x FROM y WHERE s = '$nope'\"}]}]}");
    assertThatThrownBy(() -> DashboardQueries.extract(dir, GrafanaFiles.context("s", "d")))
        .hasMessageContaining("'P1'").hasMessageContaining("dashboard bad").hasMessageContaining("$nope");
    Files.writeString(dir.resolve("bad.json"), "{\"uid\":\"bad\",\"panels\":[{\"type\":\"stat\","
        + "\"title\":\"P2\",\"targets\":[]}]}");
    assertThatThrownBy(() -> DashboardQueries.extract(dir, GrafanaFiles.context("s", "d")))
        .hasMessageContaining("panel 'P2' of dashboard bad").hasMessageContaining("no raw InfluxQL query");
    Files.writeString(dir.resolve("bad.json"), "{not json");
    assertThatThrownBy(() -> DashboardQueries.extract(dir, GrafanaFiles.context("s", "d")))
        .hasMessageContaining("is not valid JSON");
  }

  private static long count(String s, char c) {
    return s.chars().filter(ch -> ch == c).count();
  }
}
