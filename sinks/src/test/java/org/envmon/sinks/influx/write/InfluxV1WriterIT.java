package org.envmon.sinks.influx.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.envmon.sinks.influx.FreePort;
import org.envmon.sinks.influx.SampleRecords;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.WithInfluxDb;
import org.junit.jupiter.api.Test;

@WithInfluxDb
class InfluxV1WriterIT {
  private static final Instant HOUR = Instant.parse("2026-01-15T04:00:00Z");
  private final PointMapper mapper = SampleRecords.mapper();

  private static String newDatabase(InfluxDbServer influx) {
    String db = "w" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(db);
    return db;
  }

  private static InfluxV1Writer writer(String url, String db) {
    return new InfluxV1Writer(InfluxV1Options.builder().url(url).database(db)
        .timeout(Duration.ofSeconds(5)).build());
  }

  private List<LinePoint> samplePoints() {
    return SampleRecords.at(HOUR).stream().flatMap(r -> mapper.map(r).stream()).toList();
  }

  private static long count(InfluxDbServer influx, String db, String measurement, String field) {
    List<Map<String, Object>> rows = influx.query(db, "SELECT count(\"" + field + "\") FROM \"" + measurement + "\"");
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  @Test
  void writesEveryMeasurementAndReWritingDoesNotDuplicate(InfluxDbServer influx) throws Exception {
    String db = newDatabase(influx);
    try (InfluxV1Writer writer = writer(influx.url(), db)) {
      writer.write(samplePoints());
      writer.write(samplePoints());
    }
    assertThat(count(influx, db, "hourly", "value")).isEqualTo(7);
    assertThat(count(influx, db, "rolling", "value")).isEqualTo(2);
    assertThat(count(influx, db, "daily", "value")).isEqualTo(3);
    assertThat(count(influx, db, "noise", "leq")).isEqualTo(2);
    assertThat(count(influx, db, "noise", "lmax")).isEqualTo(1);
    assertThat(count(influx, db, "water", "class")).isEqualTo(2);
    assertThat(count(influx, db, "water", "value")).isEqualTo(1);
    assertThat(count(influx, db, "aqi", "aqi")).isEqualTo(2);
    assertThat(count(influx, db, "alerts", "alert_id")).isEqualTo(1);
    assertThat(count(influx, db, "plan_progress", "actual")).isEqualTo(3);

    List<Map<String, Object>> hourly = influx.query(db,
        "SELECT value, samples, valid FROM hourly WHERE station = 'Dongsi' AND parameter = 'PM2_5' AND district = '东城'");
    assertThat(hourly).containsExactly(Map.of("time", "2026-01-15T04:00:00Z", "value", 35.5,
        "samples", 12, "valid", true));
    List<Map<String, Object>> alert = influx.query(db, "SELECT message, alert_id FROM alerts");
    assertThat(alert).singleElement().extracting(r -> r.get("message"))
        .isEqualTo("PM2.5 24 h mean 80 µg/m³ > 75, \"Class II\"");
  }

  @Test
  void escapedTagsAndSpecialFloatsRoundTrip(InfluxDbServer influx) throws Exception {
    String db = newDatabase(influx);
    LinePoint odd = LinePoint.measurement("hourly").tag("station", "Odd, st=ation 1").tag("district", "东 城")
        .tag("parameter", "PM2_5").field("value", 1.0e21).field("message", "back\\slash \"q\"\nnext line")
        .time(HOUR.toEpochMilli()).build();
    try (InfluxV1Writer writer = writer(influx.url(), db)) {
      writer.write(List.of(odd));
    }
    List<Map<String, Object>> rows = influx.query(db,
        "SELECT value, message FROM hourly WHERE station = 'Odd, st=ation 1' AND district = '东 城'");
    assertThat(rows).containsExactly(Map.of("time", "2026-01-15T04:00:00Z", "value", 1.0e21,
        "message", "back\\slash \"q\"\nnext line"));
  }

  @Test
  void fieldTypeConflictIsRejectedAndTheValidPointsOfThePartialWriteAreStored(InfluxDbServer influx)
      throws Exception {
    String db = newDatabase(influx);
    LinePoint good = LinePoint.measurement("hourly").tag("station", "A").field("value", 1.0)
        .time(HOUR.toEpochMilli()).build();
    LinePoint conflicting = LinePoint.measurement("hourly").tag("station", "B").field("value", "text")
        .time(HOUR.toEpochMilli()).build();
    try (InfluxV1Writer writer = writer(influx.url(), db)) {
      writer.write(List.of(good));
      assertThatThrownBy(() -> writer.write(List.of(good, conflicting)))
          .isInstanceOfSatisfying(InfluxWriteException.class, e -> {
            assertThat(e.kind()).isEqualTo(InfluxWriteException.Kind.REJECTED);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("field type conflict");
          });
    }
    assertThat(count(influx, db, "hourly", "value")).isEqualTo(1);
  }

  @Test
  void unknownDatabaseIsMisconfiguredAndUnreachableServerIsRetryable(InfluxDbServer influx) {
    List<LinePoint> points = samplePoints();
    try (InfluxV1Writer writer = writer(influx.url(), "no_such_db_" + UUID.randomUUID().toString().substring(0, 8))) {
      assertThatThrownBy(() -> writer.write(points)).isInstanceOfSatisfying(InfluxWriteException.class, e -> {
        assertThat(e.kind()).isEqualTo(InfluxWriteException.Kind.MISCONFIGURED);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).contains("database not found");
      });
    }
    String nobody = "http://127.0.0.1:" + FreePort.pick();
    try (InfluxV1Writer writer = writer(nobody, "envmon")) {
      assertThatThrownBy(() -> writer.write(points)).isInstanceOfSatisfying(InfluxWriteException.class, e -> {
        assertThat(e.kind()).isEqualTo(InfluxWriteException.Kind.RETRYABLE);
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("could not reach InfluxDB at " + nobody);
      });
    }
  }
}
