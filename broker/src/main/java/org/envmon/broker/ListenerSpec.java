package org.envmon.broker;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * An extra client listener of the embedded broker (e.g. SASL_PLAINTEXT or SSL).
 *
 * @param name       listener name, upper case letters, digits and underscores (e.g. {@code SASL_PLAINTEXT})
 * @param protocol   its security protocol
 * @param port       port on the broker host; 0 picks a free port at start
 * @param properties listener-scoped server properties without the {@code listener.name.<name>.}
 *                   prefix, e.g. {@code ssl.keystore.location} or {@code plain.sasl.jaas.config}
 */
public record ListenerSpec(String name, SecurityProtocol protocol, int port, Map<String, String> properties) {
  static final String PLAINTEXT = "PLAINTEXT";
  static final String CONTROLLER = "CONTROLLER";
  /** Name of the listener created by {@link #saslPlain(int, Map)}. */
  public static final String SASL_PLAIN = "SASL_PLAIN";

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]+");

  public ListenerSpec {
    Objects.requireNonNull(name, "listener name must not be null");
    Objects.requireNonNull(protocol, "security protocol of listener '" + name + "' must not be null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("listener name '" + name
          + "' must be upper case letters, digits and underscores, starting with a letter");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port of listener " + name + " must be between 0 and 65535, got " + port);
    }
    properties = Map.copyOf(properties);
  }

  /**
   * A SASL_PLAINTEXT listener named {@value #SASL_PLAIN} accepting the PLAIN mechanism for the
   * given users (user name to password).
   */
  public static ListenerSpec saslPlain(int port, Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a SASL/PLAIN listener needs at least one user");
    }
    users.forEach((user, password) -> {
      if (!USER.matcher(user).matches()) {
        throw new IllegalArgumentException("SASL user name '" + user + "' may only contain letters, digits, '.', '_' and '-'");
      }
      if (password.contains("\"") || password.contains("\\")) {
        throw new IllegalArgumentException("password of SASL user '" + user + "' must not contain '\"' or '\\'");
      }
    });
    String userEntries = users.entrySet().stream()
        .map(e -> " user_" + e.getKey() + "=\"" + e.getValue() + "\"")
        .collect(Collectors.joining());
    return new ListenerSpec(SASL_PLAIN, SecurityProtocol.SASL_PLAINTEXT, port, Map.of(
        "sasl.enabled.mechanisms", "PLAIN",
        "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + userEntries + ";"));
  }

  /** The same listener on another port (used to pin a free port once chosen). */
  public ListenerSpec withPort(int newPort) {
    return new ListenerSpec(name, protocol, newPort, properties);
  }

  /** Prefix Kafka uses for properties scoped to this listener. */
  String propertyPrefix() {
    return "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
  }
}
