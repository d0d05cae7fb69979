package org.envmon.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/** Reads a properties file, applies command-line overrides, and validates the result. */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * @param file      a .properties file, or null for defaults only
   * @param overrides values from the command line; they win over the file
   * @throws InvalidConfigException naming the file and the bad key
   */
  public static EnvmonConfig load(Path file, Map<String, String> overrides) {
    Map<String, Object> values = new HashMap<>();
    if (file != null) {
      Properties props = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (NoSuchFileException e) {
        throw new InvalidConfigException("configuration file " + file + " does not exist");
      } catch (IOException | IllegalArgumentException e) {
        throw new InvalidConfigException("cannot read configuration file " + file + ": " + e.getMessage());
      }
      props.forEach((k, v) -> values.put(k.toString(), v.toString().strip()));
    }
    values.putAll(overrides);
    for (String key : values.keySet()) {
      if (!EnvmonConfig.CONFIG.names().contains(key) && !key.startsWith(EnvmonConfig.KAFKA_PASSTHROUGH_PREFIX)) {
        throw new InvalidConfigException("unknown configuration key '" + key + "'"
            + (file == null ? "" : " in " + file) + "; see docs/configuration.md for the keys");
      }
    }
    try {
      return new EnvmonConfig(values);
    } catch (ConfigException e) {
      throw new InvalidConfigException("invalid configuration" + (file == null ? "" : " in " + file)
          + ": " + e.getMessage());
    }
  }

  /** A configuration problem, worded for the operator. */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }
}
