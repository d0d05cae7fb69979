package org.envmon.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.Objects;

/** {@code GET /metrics}: every meter of the registry in the Prometheus text format. */
final class MetricsHandler implements HttpHandler {
  static final String PATH = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsHandler(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      HttpExchanges.text(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
    } finally {
      exchange.close();
    }
  }
}
