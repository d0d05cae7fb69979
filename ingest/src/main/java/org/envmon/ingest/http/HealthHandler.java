package org.envmon.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /health}: 200 {"status":"UP"} when Kafka is reachable, else 503 with the problem. */
final class HealthHandler implements HttpHandler {
  static final String PATH = "/health";

  private final HealthCheck check;

  HealthHandler(HealthCheck check) {
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Optional<String> problem;
      RequestDeadlines.suspend(); // the check bounds its own wait
      try {
        problem = check.problem();
      } finally {
        RequestDeadlines.resume();
      }
      if (problem.isEmpty()) {
        HttpExchanges.json(exchange, 200, Map.of("status", "UP"));
      } else {
        HttpExchanges.json(exchange, 503, Map.of("status", "DOWN", "problem", problem.get()));
      }
    } finally {
      exchange.close();
    }
  }
}
