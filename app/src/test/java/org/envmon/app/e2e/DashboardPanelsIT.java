package org.envmon.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.Pipeline;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.schemas.topics.Topics;
import org.envmon.sinks.influx.grafana.DashboardQueries;
import org.envmon.sinks.influx.grafana.PanelQuery;
import org.envmon.sinks.influx.grafana.QueryContext;
import org.envmon.streams.StreamsSettings;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithInfluxDb;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.envmon.testkit.RepositoryFiles;

/**
 * Issue #6 done-when: after a simulator run over every medium (air, water, noise, VOCs) through
 * the whole pipeline, every query of every dashboard in grafana/dashboards runs on the real
 * InfluxDB without error and returns data.
 *
 * <p>Template variables get what Grafana offers: the values of the dashboard's own variable
 * query. A dashboard passes when one of those values (tried in Grafana's order, first = the
 * default) fills every panel, as an operator picking a station would see it.
 */
@WithKafka
@WithInfluxDb
class DashboardPanelsIT {
  private static final LocalDate START = LocalDate.of(2026, 1, 5);
  private static final int DAYS = 4;
  private static final QueryContext DEFAULTS = new QueryContext(Instant.parse("2026-01-01T00:00:00Z"),
      Instant.parse("2026-02-01T00:00:00Z"), "1h", Map.of("station", "Dongsi", "district", "东城"));

  @Test
  void everyPanelOfEveryDashboardShowsDataAfterASimulatorRun(TestKafka kafka, InfluxDbServer influx,
                                                              @TempDir Path state) throws Exception {
    kafka.recreateTopics(Topics.all(), 3);
    String db = E2e.uniqueDatabase("dash");
    EnvmonConfig config = E2e.config(kafka, influx, db, state);
    StationRegistry stations = StationRegistry.load(E2e.stationsFile());
    assertThat(stations.all()).extracting(s -> s.station().getMedium().toString())
        .as("the registry covers every medium").contains("AIR", "WATER", "NOISE", "VOC");
    // The pipeline log and feed progress go to the test output (target/failsafe-reports/*-output.txt).
    PrintStream log = System.out;
    try (Pipeline pipeline = Pipeline.start(config, stations, StreamsSettings.builder().forTests(), log)) {
      new SimulatorFeed(20260301L, START, DAYS, stations).run(config.kafkaClientProperties(), log);
      pipeline.awaitQuiescent(E2e.QUIESCENCE_TIMEOUT, lag -> { });
    }

    for (String measurement : List.of("hourly", "rolling", "daily", "aqi", "noise", "water", "alerts",
        "plan_progress")) {
      assertThat(influx.query(db, "SELECT count(*) FROM \"" + measurement + "\""))
          .as("points in measurement %s", measurement).isNotEmpty();
    }

    List<String> failures = new ArrayList<>();
    int queries = 0;
    for (Path dashboard : dashboards()) {
      DashboardResult result = checkDashboard(influx, db, dashboard);
      queries += result.queries;
      failures.addAll(result.failures);
    }
    assertThat(failures).as("dashboard queries that failed or found no data").isEmpty();
    assertThat(queries).as("queries run").isGreaterThan(20);
  }

  private record DashboardResult(int queries, List<String> failures) {}

  /**
   * Runs the variable queries, then every panel query for each offered variable value until one
   * fills every panel; returns the failures of the first (default) value when none does.
   */
  private static DashboardResult checkDashboard(InfluxDbServer influx, String db, Path dashboard) {
    List<PanelQuery> withDefaults = DashboardQueries.extractFile(dashboard, DEFAULTS);
    Map<String, List<String>> offered = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (PanelQuery q : withDefaults) {
      if (q.refId().equals("var")) {
        String variable = q.source().substring("variable ".length());
        List<String> values = run(influx, db, q, failures).stream().map(r -> String.valueOf(r.get("value"))).toList();
        offered.put(variable, values);
      }
    }
    if (!failures.isEmpty()) {
      return new DashboardResult(offered.size(), failures);
    }
    List<Map<String, String>> choices = choices(offered);
    List<String> firstFailures = null;
    int queries = offered.size();
    for (Map<String, String> choice : choices) {
      Map<String, String> variables = new HashMap<>(DEFAULTS.variables());
      variables.putAll(choice);
      QueryContext context = new QueryContext(DEFAULTS.from(), DEFAULTS.to(), DEFAULTS.interval(), variables);
      List<String> attempt = new ArrayList<>();
      for (PanelQuery q : DashboardQueries.extractFile(dashboard, context)) {
        if (!q.refId().equals("var")) {
          queries++;
          run(influx, db, q, attempt);
        }
      }
      if (attempt.isEmpty()) {
        return new DashboardResult(queries, List.of());
      }
      if (firstFailures == null) {
        firstFailures = attempt.stream().map(f -> f + " (variables " + choice + ")").toList();
      }
    }
    return new DashboardResult(queries, firstFailures);
  }

  /** One choice per offered value of the (single) variable; the defaults alone when there is none. */
  private static List<Map<String, String>> choices(Map<String, List<String>> offered) {
    if (offered.isEmpty()) {
      return List.of(Map.of());
    }
    assertThat(offered).as("dashboards have at most one template variable").hasSize(1);
    Map.Entry<String, List<String>> variable = offered.entrySet().iterator().next();
    assertThat(variable.getValue()).as("values offered for $%s", variable.getKey()).isNotEmpty();
    return variable.getValue().stream().map(v -> Map.of(variable.getKey(), v)).toList();
  }

  private static List<Map<String, Object>> run(InfluxDbServer influx, String db, PanelQuery q, List<String> failures) {
    try {
      List<Map<String, Object>> rows = influx.query(db, q.influxql());
      if (rows.isEmpty()) {
        failures.add("no data: " + q);
      }
      return rows;
    } catch (RuntimeException e) {
      failures.add("error: " + q + " -> " + e.getMessage());
      return List.of();
    }
  }

  private static List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(RepositoryFiles.root().resolve("grafana/dashboards"))) {
      List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
      assertThat(list).as("dashboards in grafana/dashboards").isNotEmpty();
      return list;
    }
  }
}
