package org.envmon.sinks.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code GET /api/v1/alerts/stream} (SSE) and {@code GET /api/v1/alerts?state=open} on the
 * JDK's built-in server. Each SSE client holds one thread for as long as it is connected; their
 * number is bounded by the hub.
 */
final class AlertHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private AlertHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static AlertHttpServer start(InetSocketAddress address, OpenAlerts open, AlertStreamHub hub, Duration heartbeat)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new IOException("cannot serve the alerts API on " + address + ": " + e.getMessage()
          + "; choose another port", e);
    }
    server.createContext(AlertStreamHandler.PATH, new AlertStreamHandler(hub, heartbeat));
    server.createContext(OpenAlertsHandler.PATH, new OpenAlertsHandler(open));
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "envmon-alerts-http-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
    return new AlertHttpServer(server, executor);
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops accepting and ends the open streams (their threads are interrupted). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
