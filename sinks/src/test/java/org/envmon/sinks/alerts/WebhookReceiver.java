package org.envmon.sinks.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * A real webhook endpoint on the JDK HTTP server: records every request and answers with the
 * status its behaviour gives for the n-th request (0-based), or never answers while hanging.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received, with the status answered. */
  record Request(String signature, String idempotencyKey, String contentType, byte[] body, int status) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private WebhookReceiver(IntUnaryOperator statusOfRequest, boolean hang) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> handle(exchange, statusOfRequest, hang));
    server.setExecutor(executor);
    server.start();
  }

  /** Answers 503 to the first {@code failures} requests, 200 afterwards. */
  static WebhookReceiver failingFirst(int failures) throws IOException {
    return new WebhookReceiver(n -> n < failures ? 503 : 200, false);
  }

  /** Answers every request with {@code status}. */
  static WebhookReceiver always(int status) throws IOException {
    return new WebhookReceiver(n -> status, false);
  }

  /** Takes every request and never answers until closed: a subscriber that died mid-request. */
  static WebhookReceiver hanging() throws IOException {
    return new WebhookReceiver(n -> 200, true);
  }

  private synchronized int nextStatus(IntUnaryOperator statusOfRequest) {
    return statusOfRequest.applyAsInt(requests.size());
  }

  private void handle(HttpExchange exchange, IntUnaryOperator statusOfRequest, boolean hang) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      int status;
      synchronized (this) {
        status = nextStatus(statusOfRequest);
        requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Envmon-Signature"),
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
      }
      if (hang) {
        released.await();
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests answered 2xx, in arrival order. */
  List<Request> delivered() {
    return requests.stream().filter(r -> r.status() / 100 == 2).toList();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
