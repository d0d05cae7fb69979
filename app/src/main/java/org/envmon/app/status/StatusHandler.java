package org.envmon.app.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envmon.streams.status.StatusQueries;
import org.envmon.streams.status.StatusUnavailableException;
import org.envmon.streams.status.StatusView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the public status API and the instance-to-instance reads. Errors are JSON objects with an
 * {@code error} message: 404 for an unknown station or path, 405 for other methods than GET, 503
 * with {@code Retry-After} while the stores are rebalancing.
 */
final class StatusHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StatusHandler.class);

  private final StatusQueries queries;

  StatusHandler(StatusQueries queries) {
    this.queries = queries;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, error("only GET is supported"));
        return;
      }
      try {
        Optional<Object> body = route(exchange.getRequestURI());
        if (body.isPresent()) {
          send(exchange, 200, body.get());
        } else {
          send(exchange, 404, error(notFound(exchange.getRequestURI().getPath())));
        }
      } catch (StatusUnavailableException e) {
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(StatusUnavailableException.RETRY_AFTER_SECONDS));
        send(exchange, 503, Map.of("error", e.getMessage(), "retryable", true));
      } catch (IllegalArgumentException e) {
        send(exchange, 400, error(e.getMessage()));
      } catch (RuntimeException e) {
        LOG.error("status request {} failed", exchange.getRequestURI(), e);
        send(exchange, 500, error("status query failed: " + e.getMessage()));
      }
    }
  }

  /** The response body, or empty for 404. */
  private Optional<Object> route(URI uri) {
    String path = uri.getRawPath();
    if (path.equals(StatusPaths.STATIONS)) {
      return Optional.of(queries.stations());
    }
    if (path.startsWith(StatusPaths.STATIONS + "/")) {
      String id = decode(path.substring(StatusPaths.STATIONS.length() + 1));
      return queries.station(id).map(Object.class::cast);
    }
    if (path.equals(StatusPaths.ALERTS_OPEN)) {
      return Optional.of(queries.openAlerts());
    }
    if (path.equals(StatusPaths.PLAN)) {
      return Optional.of(queries.plan());
    }
    if (path.startsWith(StatusPaths.PEER)) {
      return StatusView.named(decode(path.substring(StatusPaths.PEER.length()))).map(v -> local(v, keys(uri)));
    }
    return Optional.empty();
  }

  private Object local(StatusView<?, ?> view, List<String> keys) {
    return keys.isEmpty() ? queries.local().all(view) : queries.local().get(view, keys);
  }

  private static String notFound(String path) {
    if (path.startsWith(StatusPaths.STATIONS + "/")) {
      return "unknown station '" + decode(path.substring(StatusPaths.STATIONS.length() + 1))
          + "': no hourly value or AQI has been computed for it (check the id in GET " + StatusPaths.STATIONS + ")";
    }
    return "no such resource " + path + "; see GET " + StatusPaths.STATIONS + ", " + StatusPaths.ALERTS_OPEN
        + ", " + StatusPaths.PLAN;
  }

  /** Values of the repeated {@code key} query parameter. */
  private static List<String> keys(URI uri) {
    List<String> keys = new ArrayList<>();
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) {
      return keys;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("key=")) {
        keys.add(decode(pair.substring(4)));
      }
    }
    return keys;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = StatusJson.write(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
