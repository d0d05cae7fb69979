package org.envmon.sinks.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/alerts?state=open}: the alerts open now, as a JSON array, optionally
 * filtered like the stream. Only open alerts are kept; history is in InfluxDB ({@code alerts}).
 */
final class OpenAlertsHandler implements HttpHandler {
  static final String PATH = "/api/v1/alerts";
  private static final Set<String> PARAMETERS = Set.of("state", "district", "medium", "severity", "rule");

  private final OpenAlerts open;

  OpenAlertsHandler(OpenAlerts open) {
    this.open = open;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        HttpAnswers.error(exchange, 404, "no such resource; see " + PATH + "?state=open and "
            + AlertStreamHandler.PATH);
        return;
      }
      if (!HttpAnswers.requireGet(exchange)) {
        return;
      }
      AlertFilter filter;
      try {
        Map<String, String> query = HttpAnswers.query(exchange, PARAMETERS);
        String state = query.getOrDefault("state", "open");
        if (!state.equalsIgnoreCase("open")) {
          throw new IllegalArgumentException("state=" + state + " is not served: only state=open is kept here;"
              + " past alerts are in InfluxDB, measurement 'alerts'");
        }
        filter = AlertStreamHandler.filter(query);
      } catch (IllegalArgumentException e) {
        HttpAnswers.error(exchange, 400, e.getMessage());
        return;
      }
      HttpAnswers.json(exchange, 200, AlertJson.arrayToBytes(
          open.snapshot().stream().filter(filter::matches).toList()));
    } finally {
      exchange.close();
    }
  }
}
