package org.envmon.sinks.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/alerts/stream}: alert transitions as Server-Sent Events, from the moment the
 * client connects, filtered by the query parameters {@code district}, {@code medium},
 * {@code severity} and {@code rule} (a rule id prefix), each a comma-separated list.
 */
final class AlertStreamHandler implements HttpHandler {
  static final String PATH = "/api/v1/alerts/stream";
  private static final Set<String> PARAMETERS = Set.of("district", "medium", "severity", "rule");
  private static final byte[] HEARTBEAT = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);

  private final AlertStreamHub hub;
  private final Duration heartbeat;

  AlertStreamHandler(AlertStreamHub hub, Duration heartbeat) {
    this.hub = hub;
    this.heartbeat = heartbeat;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        HttpAnswers.error(exchange, 404, "no such resource; the stream is at " + PATH);
        return;
      }
      if (!HttpAnswers.requireGet(exchange)) {
        return;
      }
      AlertFilter filter;
      try {
        filter = filter(HttpAnswers.query(exchange, PARAMETERS));
      } catch (IllegalArgumentException e) {
        HttpAnswers.error(exchange, 400, e.getMessage());
        return;
      }
      Optional<StreamClient> client = hub.register(filter);
      if (client.isEmpty()) {
        exchange.getResponseHeaders().set("Retry-After", "30");
        HttpAnswers.error(exchange, 503, "too many alert stream clients connected; try again later");
        return;
      }
      try {
        stream(exchange, client.get());
      } finally {
        hub.unregister(client.get());
      }
    } finally {
      exchange.close();
    }
  }

  static AlertFilter filter(Map<String, String> query) {
    return AlertFilter.parse(query.get("district"), query.get("medium"), query.get("severity"), query.get("rule"));
  }

  private void stream(HttpExchange exchange, StreamClient client) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    // A first comment makes the response visible at once, before any alert happens.
    out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    try {
      while (!client.overflowed()) {
        byte[] event = client.next(heartbeat);
        out.write(event == null ? HEARTBEAT : event);
        out.flush();
      }
    } catch (InterruptedException e) {
      // The server is stopping.
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away; nothing to answer.
    }
  }
}
