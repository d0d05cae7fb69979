package org.envmon.sinks.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs one signed alert body to one subscriber, once, and classifies the answer. */
final class WebhookClient {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpClient http;
  private final Duration requestTimeout;

  WebhookClient(Duration connectTimeout, Duration requestTimeout) {
    // Redirects are not followed: a moved endpoint is a configuration change the operator makes.
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.requestTimeout = requestTimeout;
  }

  AttemptResult post(WebhookSubscriber subscriber, String idempotencyKey, byte[] body) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(subscriber.url())
        .timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "envmon-webhook")
        .header(WebhookSignature.HEADER, WebhookSignature.headerValue(subscriber.secret().reveal(), body))
        .header(IDEMPOTENCY_HEADER, idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return AttemptResult.ofStatus(response.statusCode(), response.body());
    } catch (IOException e) {
      return new AttemptResult(AttemptResult.Outcome.RETRY, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }
}
