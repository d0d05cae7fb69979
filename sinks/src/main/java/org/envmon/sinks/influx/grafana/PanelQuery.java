package org.envmon.sinks.influx.grafana;

/**
 * One InfluxQL query of a dashboard, ready to run.
 *
 * @param dashboard dashboard uid
 * @param source    panel title, or {@code variable <name>} for a template variable query
 * @param refId     query ref id within the panel ({@code var} for variables)
 * @param template  the query as written in the dashboard, with Grafana macros
 * @param influxql  the query with every macro and variable replaced by a concrete value
 */
public record PanelQuery(String dashboard, String source, String refId, String template, String influxql) {
  @Override
  public String toString() {
    return dashboard + " / " + source + " / " + refId + ": " + influxql;
  }
}
