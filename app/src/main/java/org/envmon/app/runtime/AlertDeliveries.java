package org.envmon.app.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.sinks.alerts.AlertDelivery;
import org.envmon.sinks.alerts.AlertDeliveryOptions;
import org.envmon.sinks.alerts.WebhookSubscribersFile;

/** Starts alert delivery (webhooks, SSE, open alerts) as the configuration asks. */
public final class AlertDeliveries {
  private AlertDeliveries() {}

  public static AlertDelivery start(EnvmonConfig config, MeterRegistry meters) throws IOException {
    String webhooks = config.getString(EnvmonConfig.ALERTS_WEBHOOKS_FILE);
    AlertDeliveryOptions.Builder b = AlertDeliveryOptions.builder()
        .bootstrapServers(String.join(",", config.getList(EnvmonConfig.KAFKA_BOOTSTRAP)))
        .clientConfig(config.kafkaClientConfig())
        .subscribers(webhooks.isBlank() ? List.of() : WebhookSubscribersFile.load(Path.of(webhooks)))
        .maxAttempts(config.getInt(EnvmonConfig.ALERTS_WEBHOOK_MAX_ATTEMPTS))
        .meters(meters);
    int port = config.getInt(EnvmonConfig.ALERTS_HTTP_PORT);
    if (port >= 0) {
      b.httpAddress(new InetSocketAddress("0.0.0.0", port));
    }
    return AlertDelivery.start(b.build());
  }
}
