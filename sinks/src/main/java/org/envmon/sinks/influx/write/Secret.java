package org.envmon.sinks.influx.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A credential (token or password) that never appears in logs: {@link #toString()} is redacted.
 * Read it from an environment variable or a file (e.g. a Docker/Kubernetes secret), not from a
 * command line where {@code ps} would show it.
 */
public final class Secret {
  private final char[] value;

  private Secret(String value) {
    this.value = value.toCharArray();
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    return new Secret(value);
  }

  /** The value of an environment variable; fails naming the variable when it is unset or blank. */
  public static Secret fromEnv(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + variable
          + " is not set or empty; export it with the InfluxDB token/password");
    }
    return new Secret(value.strip());
  }

  /** The first line of a file, trimmed. */
  public static Secret fromFile(Path file) {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        throw new IllegalArgumentException("secret file " + file + " is empty");
      }
      return new Secret(value.lines().findFirst().orElseThrow().strip());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read secret file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The secret itself; only for handing to the HTTP client. */
  public String reveal() {
    return new String(value);
  }

  @Override
  public String toString() {
    return "****";
  }
}
