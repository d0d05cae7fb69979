package org.envmon.sinks.alerts;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.sinks.influx.write.Secret;

/**
 * Reads webhook subscribers from a properties file (UTF-8), one group of keys per subscriber:
 *
 * <pre>
 * webhook.ops.url=https://ops.example.org/envmon
 * webhook.ops.secret.env=OPS_WEBHOOK_SECRET      # or: webhook.ops.secret.file=/run/secrets/ops
 * webhook.ops.district=东城,西城                     # optional filters, comma separated
 * webhook.ops.medium=air,voc
 * webhook.ops.severity=major,critical
 * webhook.ops.rule.prefix=GB3095-2012.PM2_5
 * </pre>
 *
 * Secrets never stand in the file itself. Unknown keys are errors, so a typo in a filter never
 * widens what a subscriber receives.
 */
public final class WebhookSubscribersFile {
  private static final Pattern KEY = Pattern.compile("webhook\\.([^.]+)\\.(.+)");
  private static final Set<String> SETTINGS = Set.of("url", "secret.env", "secret.file", "district",
      "medium", "severity", "rule.prefix");

  private WebhookSubscribersFile() {}

  /** Reads the file, taking secrets from the process environment. */
  public static List<WebhookSubscriber> load(Path file) {
    return load(file, System::getenv);
  }

  /**
   * @param environment looks up environment variables (null when unset)
   * @throws IllegalArgumentException naming the file, the subscriber and what is wrong
   */
  public static List<WebhookSubscriber> load(Path file, UnaryOperator<String> environment) {
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read webhook subscribers file " + file + ": " + e.getMessage(), e);
    }
    Map<String, Map<String, String>> byName = new TreeMap<>();
    for (String key : props.stringPropertyNames()) {
      Matcher m = KEY.matcher(key);
      if (!m.matches() || !SETTINGS.contains(m.group(2))) {
        throw new IllegalArgumentException("unknown key '" + key + "' in " + file + "; keys are webhook.<name>."
            + "{url, secret.env, secret.file, district, medium, severity, rule.prefix}");
      }
      byName.computeIfAbsent(m.group(1), n -> new TreeMap<>()).put(m.group(2), props.getProperty(key).strip());
    }
    List<WebhookSubscriber> subscribers = new ArrayList<>();
    byName.forEach((name, settings) -> subscribers.add(subscriber(file, name, settings, environment)));
    return subscribers;
  }

  private static WebhookSubscriber subscriber(Path file, String name, Map<String, String> s,
                                              UnaryOperator<String> environment) {
    String where = "webhook subscriber '" + name + "' in " + file + ": ";
    String url = s.get("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(where + "webhook." + name + ".url is missing");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(where + "url '" + url + "' is not a URL: " + e.getMessage(), e);
    }
    try {
      AlertFilter filter = AlertFilter.parse(s.get("district"), s.get("medium"), s.get("severity"),
          s.get("rule.prefix"));
      return new WebhookSubscriber(name, uri, secret(name, s, environment), filter);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
  }

  private static Secret secret(String name, Map<String, String> s, UnaryOperator<String> environment) {
    String variable = s.get("secret.env");
    String path = s.get("secret.file");
    if (variable != null && !variable.isBlank()) {
      String value = environment.apply(variable);
      if (value != null && !value.isBlank()) {
        return Secret.of(value.strip());
      }
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException("environment variable " + variable
            + " (webhook." + name + ".secret.env) is not set or empty; export the subscriber's shared secret");
      }
    }
    if (path != null && !path.isBlank()) {
      return Secret.fromFile(Path.of(path));
    }
    throw new IllegalArgumentException("no secret: set webhook." + name + ".secret.env (an environment variable"
        + " name) or webhook." + name + ".secret.file (a file holding the secret)");
  }
}
