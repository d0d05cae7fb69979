package org.envmon.app.runtime;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.sinks.influx.write.Secret;

/**
 * Secrets named by the configuration, never held in it: a key naming an environment variable
 * ({@code *.env}) and a key naming a file ({@code *.file}, first line). The variable wins when it is
 * set and not blank; otherwise the file is read when one is named. The value only ever lives in a
 * {@link Secret}, whose {@code toString()} is {@code ****}.
 */
final class ConfiguredSecrets {
  private ConfiguredSecrets() {}

  /** From the process environment; empty when the variable is unset or blank and no file is named. */
  static Optional<Secret> read(EnvmonConfig config, String envKey, String fileKey) {
    return read(config, envKey, fileKey, System::getenv);
  }

  static Optional<Secret> read(EnvmonConfig config, String envKey, String fileKey, UnaryOperator<String> environment) {
    String value = environment.apply(config.getString(envKey));
    if (value != null && !value.isBlank()) {
      return Optional.of(Secret.of(value.strip()));
    }
    String file = config.getString(fileKey);
    return file.isBlank() ? Optional.empty() : Optional.of(Secret.fromFile(Path.of(file)));
  }

  /** As {@link #read}, or fails saying where {@code what} is looked for. */
  static Secret require(EnvmonConfig config, String envKey, String fileKey, String what) {
    return read(config, envKey, fileKey).orElseThrow(() -> missing(config, envKey, fileKey, what));
  }

  private static IllegalArgumentException missing(EnvmonConfig config, String envKey, String fileKey, String what) {
    return new IllegalArgumentException(what + " is needed but neither the environment variable "
        + config.getString(envKey) + " (named by " + envKey + ") is set nor a file is named in " + fileKey
        + ": export the variable, or put the secret in a file readable only by envmon and name it there");
  }
}
