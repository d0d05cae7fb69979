package org.envmon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.sinks.influx.write.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the InfluxDB and MQTT passwords come from: the named environment variable, else the named file. */
class ConfiguredSecretsTest {
  @TempDir
  Path dir;

  private Optional<String> read(Map<String, String> keys, Map<String, String> environment) {
    EnvmonConfig config = ConfigLoader.load(null, keys);
    return ConfiguredSecrets.read(config, EnvmonConfig.MQTT_PASSWORD_ENV, EnvmonConfig.MQTT_PASSWORD_FILE,
        environment::get).map(Secret::reveal);
  }

  @Test
  void theVariableWinsOverTheFileWhichIsReadWhenTheVariableIsUnsetOrBlank() throws Exception {
    Path file = Files.writeString(dir.resolve("mqtt.password"), "from-file\nsecond line ignored\n");
    Map<String, String> keys = Map.of(EnvmonConfig.MQTT_PASSWORD_ENV, "MY_MQTT_PW",
        EnvmonConfig.MQTT_PASSWORD_FILE, file.toString());

    assertThat(read(keys, Map.of("MY_MQTT_PW", " from-env "))).contains("from-env");
    assertThat(read(keys, Map.of())).contains("from-file");
    assertThat(read(keys, Map.of("MY_MQTT_PW", "  "))).contains("from-file");
    assertThat(read(Map.of(EnvmonConfig.MQTT_PASSWORD_FILE, file.toString()), Map.of("ENVMON_MQTT_PASSWORD", "x")))
        .as("the default variable").contains("x");
    assertThat(read(Map.of(), Map.of())).isEmpty();
  }

  @Test
  void aMissingSecretNamesBothKeysAndAnUnreadableFileNamesTheFile() {
    EnvmonConfig none = ConfigLoader.load(null, Map.of(EnvmonConfig.INFLUX_PASSWORD_ENV, "SURELY_UNSET_ENVMON_TEST_VAR"));
    assertThatThrownBy(() -> ConfiguredSecrets.require(none, EnvmonConfig.INFLUX_PASSWORD_ENV,
        EnvmonConfig.INFLUX_PASSWORD_FILE, "the password of InfluxDB user writer"))
        .hasMessageContaining("the password of InfluxDB user writer")
        .hasMessageContaining("SURELY_UNSET_ENVMON_TEST_VAR").hasMessageContaining("influx.password.env")
        .hasMessageContaining("influx.password.file");

    EnvmonConfig missingFile = ConfigLoader.load(null, Map.of(EnvmonConfig.INFLUX_PASSWORD_ENV,
        "SURELY_UNSET_ENVMON_TEST_VAR", EnvmonConfig.INFLUX_PASSWORD_FILE, dir.resolve("nope").toString()));
    assertThatThrownBy(() -> ConfiguredSecrets.require(missingFile, EnvmonConfig.INFLUX_PASSWORD_ENV,
        EnvmonConfig.INFLUX_PASSWORD_FILE, "x")).hasMessageContaining("cannot read secret file")
        .hasMessageContaining(dir.resolve("nope").toString());
  }
}
