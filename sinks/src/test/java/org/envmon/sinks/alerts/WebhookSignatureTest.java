package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void matchesRfc4231TestCase2() {
    // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?".
    assertThat(WebhookSignature.headerValue("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void secretIsUtf8AndBodyBytesAreSignedAsTheyAre() {
    byte[] body = "{\"district\":\"东城\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.headerValue("密钥", body))
        .isEqualTo(WebhookSignature.headerValue("密钥", body.clone()))
        .isNotEqualTo(WebhookSignature.headerValue("密钥 ", body))
        .startsWith("sha256=")
        .hasSize("sha256=".length() + 64);
  }
}
