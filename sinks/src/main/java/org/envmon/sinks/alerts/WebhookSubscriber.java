package org.envmon.sinks.alerts;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import org.envmon.sinks.influx.write.Secret;

/**
 * One webhook subscriber.
 *
 * @param name   unique, [A-Za-z0-9_-]+; names its consumer group and its dead letters
 * @param url    http or https URL the alerts are POSTed to
 * @param secret HMAC key for {@link WebhookSignature}
 * @param filter which alerts it receives
 */
public record WebhookSubscriber(String name, URI url, Secret secret, AlertFilter filter) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  public WebhookSubscriber {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("webhook subscriber name '" + name
          + "' may contain only letters, digits, '_' and '-'");
    }
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException("webhook subscriber " + name + ": url '" + url
          + "' must be an absolute http:// or https:// URL");
    }
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(filter, "filter");
  }

  /** The {@code source} of this subscriber's dead letters. */
  public String deadLetterSource() {
    return "webhook:" + name;
  }
}
