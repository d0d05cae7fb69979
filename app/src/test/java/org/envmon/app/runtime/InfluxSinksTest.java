package org.envmon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.sinks.influx.write.Secret;
import org.junit.jupiter.api.Test;

class InfluxSinksTest {
  private static final String URL = "http://127.0.0.1:8086";

  @Test
  void writesWithoutGzipByDefault() {
    EnvmonConfig config = ConfigLoader.load(null, Map.of());

    assertThat(InfluxSinks.v1Options(config, URL, null).gzip()).isFalse();
    assertThat(InfluxSinks.v2Options(config, URL, Secret.of("token")).gzip()).isFalse();
  }

  @Test
  void influxGzipTurnsGzipOnForBothApis() {
    EnvmonConfig config = ConfigLoader.load(null, Map.of(EnvmonConfig.INFLUX_GZIP, "true"));

    assertThat(InfluxSinks.v1Options(config, URL, null).gzip()).isTrue();
    assertThat(InfluxSinks.v2Options(config, URL, Secret.of("token")).gzip()).isTrue();
  }

  @Test
  void theOtherV1SettingsStillReachTheWriter() {
    EnvmonConfig config = ConfigLoader.load(null, Map.of(EnvmonConfig.INFLUX_DATABASE, "air",
        EnvmonConfig.INFLUX_RETENTION_POLICY, "one_year", EnvmonConfig.INFLUX_USERNAME, "writer"));

    var options = InfluxSinks.v1Options(config, URL, Secret.of("pw"));

    assertThat(options.database()).isEqualTo("air");
    assertThat(options.retentionPolicy()).contains("one_year");
    assertThat(options.username()).contains("writer");
    assertThat(options.password()).isPresent();
  }
}
