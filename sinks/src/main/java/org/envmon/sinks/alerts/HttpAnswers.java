package org.envmon.sinks.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading query strings and writing answers, the same way for every alert endpoint. */
final class HttpAnswers {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HttpAnswers() {}

  /**
   * The decoded query parameters; a repeated parameter's values are joined with commas.
   *
   * @throws IllegalArgumentException naming a parameter not in {@code allowed}
   */
  static Map<String, String> query(HttpExchange exchange, Set<String> allowed) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown query parameter '" + name + "'; use " + allowed);
      }
      params.merge(name, value, (a, b) -> a + "," + b);
    }
    return params;
  }

  /** Answers 405 unless the request is a GET. */
  static boolean requireGet(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET");
    error(exchange, 405, exchange.getRequestMethod() + " is not supported here; use GET");
    return false;
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, "application/json", json(Map.of("error", message)));
  }

  static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", body);
  }

  private static byte[] json(Object value) throws IOException {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write the answer as JSON: " + e.getMessage(), e);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
