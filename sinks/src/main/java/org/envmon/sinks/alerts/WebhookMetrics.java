package org.envmon.sinks.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-subscriber counters, in Prometheus as {@code envmon_webhook_attempts_total{subscriber,
 * outcome}} (outcome = delivered, failed, refused) and {@code envmon_webhook_dead_letters_total}.
 */
final class WebhookMetrics {
  private final Counter delivered;
  private final Counter failed;
  private final Counter refused;
  private final Counter deadLettered;

  WebhookMetrics(MeterRegistry registry, String subscriber) {
    delivered = attempts(registry, subscriber, "delivered");
    failed = attempts(registry, subscriber, "failed");
    refused = attempts(registry, subscriber, "refused");
    deadLettered = Counter.builder("envmon.webhook.dead.letters").tag("subscriber", subscriber)
        .description("Alerts sent to the sink DLQ instead of this webhook subscriber").register(registry);
  }

  private static Counter attempts(MeterRegistry registry, String subscriber, String outcome) {
    return Counter.builder("envmon.webhook.attempts").tag("subscriber", subscriber).tag("outcome", outcome)
        .description("Webhook POSTs by outcome").register(registry);
  }

  void attempt(AttemptResult.Outcome outcome) {
    switch (outcome) {
      case DELIVERED -> delivered.increment();
      case RETRY -> failed.increment();
      case REFUSED -> refused.increment();
    }
  }

  void deadLettered() {
    deadLettered.increment();
  }
}
