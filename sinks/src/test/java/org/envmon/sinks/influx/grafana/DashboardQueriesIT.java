package org.envmon.sinks.influx.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.envmon.schemas.Medium;
import org.envmon.sinks.influx.SampleRecords;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.sinks.influx.write.InfluxV1Options;
import org.envmon.sinks.influx.write.InfluxV1Writer;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.WithInfluxDb;
import org.junit.jupiter.api.Test;

/** Every dashboard query runs without error and finds data once every measurement has points. */
@WithInfluxDb
class DashboardQueriesIT {

  @Test
  void everyPanelQueryAnswersWithDataOnARealInfluxDb(InfluxDbServer influx) throws Exception {
    String db = "g" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(db);
    PointMapper mapper = SampleRecords.mapper();
    // Every pollutant of the station dashboard, plus a VOCs alert that carries the comparator level.
    List<LinePoint> points = new ArrayList<>();
    for (int h = 0; h < 3; h++) {
      Instant hour = Instant.parse("2026-01-15T04:00:00Z").plusSeconds(3600L * h);
      SampleRecords.at(hour).forEach(r -> points.addAll(mapper.map(r)));
      for (String pollutant : List.of("PM2_5", "PM10", "O3", "NO2", "SO2", "CO")) {
        points.add(mapper.hourly(SampleRecords.hourly("Dongsi", pollutant, hour, 10.0 + h)));
        for (String statistic : List.of("ROLLING_8H", "ROLLING_24H")) {
          points.add(mapper.aggregate(SampleRecords.aggregate("Dongsi", pollutant, statistic, hour, 12.0 + h,
              Medium.AIR)));
        }
      }
    }
    points.add(LinePoint.measurement("alerts").tag("station", "V1").tag("district", "大兴").tag("medium", "voc")
        .tag("rule", "GB16297-1996-T2.BENZENE").tag("severity", "warning").tag("state", "OPEN")
        .field("observed", 450.0).field("threshold", 400.0).field("alert_id", "V1|x|1").field("message", "benzene")
        .time(Instant.parse("2026-01-15T05:00:00Z").toEpochMilli()).build());
    try (InfluxV1Writer writer = new InfluxV1Writer(InfluxV1Options.builder().url(influx.url()).database(db).build())) {
      writer.write(points);
    }

    Map<String, String> stationFor = Map.of("envmon-voc", "V1");
    List<PanelQuery> queries = DashboardQueries.extract(GrafanaFiles.dashboards(),
        GrafanaFiles.context("Dongsi", "东城"));
    assertThat(queries).hasSizeGreaterThan(20);
    for (PanelQuery q : queries) {
      String influxql = stationFor.containsKey(q.dashboard())
          ? DashboardQueries.resolve(q.template(), GrafanaFiles.context(stationFor.get(q.dashboard()), "东城"),
              q.dashboard(), q.source())
          : q.influxql();
      List<Map<String, Object>> rows = influx.query(db, influxql);
      assertThat(rows).as("no data for %s", q).isNotEmpty();
    }
  }
}
