package org.envmon.sinks.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Envmon-Signature} header: {@code sha256=} followed by the lower-case hex
 * HMAC-SHA256 of the exact request body bytes, keyed with the subscriber's secret (UTF-8).
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Envmon-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  public static String headerValue(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
