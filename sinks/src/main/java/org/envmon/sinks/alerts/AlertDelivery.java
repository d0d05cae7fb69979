package org.envmon.sinks.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert transitions to their subscribers: one {@link WebhookWorker} per webhook
 * subscriber, and (when an HTTP address is configured) the SSE stream and the open-alerts API fed
 * by one {@link AlertFeed}. Start with {@link #start(AlertDeliveryOptions)}, stop with
 * {@link #close()}.
 */
public final class AlertDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

  private final List<AutoCloseable> running = new ArrayList<>();
  private AlertHttpServer http;

  private AlertDelivery() {}

  /**
   * Starts the webhook workers and, if {@code options.httpAddress()} is set, the alerts API.
   *
   * @throws IOException when the HTTP address cannot be bound
   */
  public static AlertDelivery start(AlertDeliveryOptions options) throws IOException {
    AlertDelivery delivery = new AlertDelivery();
    try {
      delivery.startAll(options);
    } catch (IOException | RuntimeException e) {
      delivery.close();
      throw e;
    }
    return delivery;
  }

  private void startAll(AlertDeliveryOptions options) throws IOException {
    if (!options.subscribers().isEmpty()) {
      Map<String, Object> producerConfig = new HashMap<>(options.clientConfig());
      producerConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
      producerConfig.put(CommonClientConfigs.CLIENT_ID_CONFIG, options.groupIdPrefix() + "dlq");
      WebhookDeadLetters deadLetters = new WebhookDeadLetters(options.deadLetterTopic(), producerConfig,
          Clock.systemUTC());
      running.add(deadLetters);
      WebhookClient client = new WebhookClient(options.connectTimeout(), options.requestTimeout());
      for (WebhookSubscriber subscriber : options.subscribers()) {
        WebhookWorker worker = new WebhookWorker(subscriber, options, client, deadLetters);
        running.add(worker);
        worker.start();
        LOG.info("webhook {} delivers to {}", subscriber.name(), subscriber.url());
      }
    }
    if (options.httpAddress().isPresent()) {
      OpenAlerts open = new OpenAlerts();
      AlertStreamHub hub = new AlertStreamHub(options.maxStreamClients());
      AlertFeed feed = new AlertFeed(options, open, hub);
      running.add(feed);
      feed.start();
      http = AlertHttpServer.start(options.httpAddress().get(), open, hub, options.streamHeartbeat());
      running.add(http);
      LOG.info("alerts API on http://{}:{}{} and {}?state=open", http.address().getHostString(),
          http.address().getPort(), AlertStreamHandler.PATH, OpenAlertsHandler.PATH);
    }
  }

  /** Where SSE and the open-alerts API are served (with the actual port), if they are. */
  public Optional<InetSocketAddress> httpAddress() {
    return Optional.ofNullable(http).map(AlertHttpServer::address);
  }

  /**
   * Stops everything, newest first. Deliveries in flight are not committed and are made again,
   * with the same idempotency keys, by the next start.
   */
  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping alert delivery: {}", e.getMessage(), e);
      }
    }
    running.clear();
  }
}
