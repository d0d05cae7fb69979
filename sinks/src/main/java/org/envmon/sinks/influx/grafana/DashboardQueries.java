package org.envmon.sinks.influx.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Extracts every InfluxQL query from the Grafana dashboard JSON files (panel targets, also inside
 * collapsed rows, and template variable queries) and replaces Grafana's macros with the values of
 * a {@link QueryContext}, so the queries can be run against a real InfluxDB.
 */
public final class DashboardQueries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INFLUX_DATASOURCE = "influxdb";
  /** Panel types that show no data and so need no query. */
  private static final Set<String> DATALESS_PANELS = Set.of("row", "text", "news", "dashlist");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\[\\[(\\w+)]]|\\$(\\w+)");

  private DashboardQueries() {}

  /** Queries of every {@code *.json} dashboard in the directory, in file name order. */
  public static List<PanelQuery> extract(Path dashboardsDir, QueryContext context) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dashboardsDir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list dashboards in " + dashboardsDir, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no dashboard *.json files in " + dashboardsDir);
    }
    List<PanelQuery> queries = new ArrayList<>();
    for (Path file : files) {
      queries.addAll(extractFile(file, context));
    }
    return queries;
  }

  /**
   * Queries of one dashboard file.
   *
   * @throws IllegalArgumentException when the file is not valid JSON, a data panel has no
   *     InfluxQL query, or a query uses a macro or variable the context cannot resolve
   */
  public static List<PanelQuery> extractFile(Path file, QueryContext context) {
    JsonNode dashboard;
    try {
      dashboard = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("dashboard " + file + " is not valid JSON: " + e.getMessage(), e);
    }
    String uid = dashboard.path("uid").asText(file.getFileName().toString());
    List<PanelQuery> queries = new ArrayList<>();
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query") && isInflux(variable.path("datasource"))) {
        String template = variable.path("query").isTextual() ? variable.path("query").asText()
            : variable.path("query").path("query").asText();
        String source = "variable " + variable.path("name").asText();
        queries.add(new PanelQuery(uid, source, "var", template, resolve(template, context, uid, source)));
      }
    }
    for (JsonNode panel : panels(dashboard)) {
      String type = panel.path("type").asText();
      if (DATALESS_PANELS.contains(type)) {
        continue;
      }
      String title = panel.path("title").asText("(untitled " + type + ")");
      int before = queries.size();
      for (JsonNode target : panel.path("targets")) {
        JsonNode datasource = target.has("datasource") ? target.path("datasource") : panel.path("datasource");
        if (isInflux(datasource) && target.path("query").isTextual() && !target.path("hide").asBoolean(false)) {
          String template = target.path("query").asText();
          queries.add(new PanelQuery(uid, title, target.path("refId").asText("?"), template,
              resolve(template, context, uid, title)));
        }
      }
      if (queries.size() == before) {
        throw new IllegalArgumentException("panel '" + title + "' of dashboard " + uid + " (" + file
            + ") has no raw InfluxQL query; every data panel must query InfluxDB with InfluxQL");
      }
    }
    return queries;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      all.add(panel);
      panel.path("panels").forEach(all::add); // collapsed rows keep their panels inside
    }
    return all;
  }

  private static boolean isInflux(JsonNode datasource) {
    return datasource.path("type").asText().equals(INFLUX_DATASOURCE)
        || datasource.asText().equals("envmon InfluxDB");
  }

  /** Replaces Grafana's InfluxQL macros and template variables with the context's values. */
  static String resolve(String template, QueryContext context, String dashboard, String source) {
    String q = template
        .replace("$timeFilter", "time >= " + context.from().toEpochMilli() + "ms AND time <= "
            + context.to().toEpochMilli() + "ms")
        .replace("$__interval_ms", Long.toString(context.intervalMillis()))
        .replace("$__interval", context.interval())
        .replace("$interval", context.interval())
        .replace("$__from", Long.toString(context.from().toEpochMilli()))
        .replace("$__to", Long.toString(context.to().toEpochMilli()));
    Matcher m = VARIABLE.matcher(q);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = context.variables().get(name);
      if (value == null) {
        throw new IllegalArgumentException("query of '" + source + "' in dashboard " + dashboard
            + " uses $" + name + ", which the query context does not define (defined: "
            + Map.copyOf(context.variables()).keySet() + "): " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.replace("'", "\\'")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
