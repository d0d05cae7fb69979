package org.envmon.sinks.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.envmon.schemas.Alert;

/** Fans alert transitions out to the connected SSE clients, each through its own queue. */
final class AlertStreamHub {
  private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
  private final int maxClients;

  AlertStreamHub(int maxClients) {
    this.maxClients = maxClients;
  }

  /** A new client, or empty when {@code maxClients} are connected already. */
  synchronized Optional<StreamClient> register(AlertFilter filter) {
    if (clients.size() >= maxClients) {
      return Optional.empty();
    }
    StreamClient client = new StreamClient(filter);
    clients.add(client);
    return Optional.of(client);
  }

  void unregister(StreamClient client) {
    clients.remove(client);
  }

  void publish(Alert alert) {
    if (clients.isEmpty()) {
      return;
    }
    byte[] event = event(alert);
    clients.forEach(c -> c.offer(alert, event));
  }

  /**
   * One SSE event: the id is the idempotency key (alert id and state), the data the alert's JSON,
   * which Jackson writes on one line.
   */
  static byte[] event(Alert alert) {
    String id = (alert.getAlertId() + ":" + alert.getState()).replaceAll("[\r\n]", " ");
    String json = new String(AlertJson.toBytes(alert), StandardCharsets.UTF_8);
    return ("id: " + id + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
