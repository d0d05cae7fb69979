package org.envmon.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.envmon.testkit.RepositoryFiles;

class EnvmonConfigTest {

  @Test
  void everyKeyHasADocumentationStringAndAppearsInDocsConfiguration() throws Exception {
    String docs = Files.readString(RepositoryFiles.root().resolve("docs/configuration.md"));
    for (ConfigDef.ConfigKey key : EnvmonConfig.CONFIG.configKeys().values()) {
      assertThat(key.documentation).as("doc of %s", key.name).isNotBlank();
      assertThat(docs).as("docs/configuration.md documents %s", key.name).contains("`" + key.name + "`");
    }
    assertThat(docs).as("docs/configuration.md is the generated table; regenerate it with ConfigDocs")
        .contains(EnvmonConfig.markdownTable());
  }

  @Test
  void invalidValueNamesTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("envmon.properties");
    Files.writeString(file, "influx.api=v3\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessageContaining("influx.api").hasMessageContaining("v3").hasMessageContaining(file.toString());
  }

  @Test
  void unknownKeyIsRefusedWithAPointerToTheDocs() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("influx.ulr", "x")))
        .hasMessageContaining("influx.ulr").hasMessageContaining("docs/configuration.md");
  }

  @Test
  void missingFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of()))
        .hasMessageContaining("does not exist");
  }

  @Test
  void kafkaPassthroughKeysReachTheClientsWithoutPrefix() {
    EnvmonConfig config = ConfigLoader.load(null, Map.of(
        "kafka.bootstrap.servers", "a:1,b:2", "kafka.security.protocol", "SASL_SSL"));
    assertThat(config.kafkaClientProperties())
        .containsEntry("bootstrap.servers", "a:1,b:2")
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKey("kafka.security.protocol");
  }

  @Test
  void perStationLimitsDefaultToTheIngestDefaultsAndRefuseAZeroRate() {
    EnvmonConfig defaults = ConfigLoader.load(null, Map.of());
    assertThat(defaults.getInt(EnvmonConfig.HJ212_STATION_MAX_CONNECTIONS)).isEqualTo(4);
    assertThat(defaults.getDouble(EnvmonConfig.HJ212_STATION_RATE)).isEqualTo(50.0);
    assertThat(defaults.getInt(EnvmonConfig.HJ212_STATION_BURST)).isEqualTo(500);
    assertThat(defaults.getDouble(EnvmonConfig.HTTP_STATION_RATE)).isEqualTo(100.0);
    assertThat(defaults.getInt(EnvmonConfig.HTTP_STATION_MAX_INFLIGHT)).isEqualTo(2_500);

    EnvmonConfig set = ConfigLoader.load(null, Map.of(EnvmonConfig.MQTT_STATION_RATE, "2.5"));
    assertThat(set.getDouble(EnvmonConfig.MQTT_STATION_RATE)).isEqualTo(2.5);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(EnvmonConfig.HTTP_STATION_RATE, "0")))
        .hasMessageContaining(EnvmonConfig.HTTP_STATION_RATE);
  }
}
