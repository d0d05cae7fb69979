package org.envmon.sinks.influx.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterOptionsTest {

  @Test
  void v2OptionsRedactTheToken() {
    InfluxV2Options o = InfluxV2Options.builder().url("http://localhost:8086").org("envmon")
        .bucket("envmon").token(Secret.of("s3cr3t-token")).build();
    assertThat(o.toString()).doesNotContain("s3cr3t").isEqualTo("InfluxV2Options{url=http://localhost:8086,"
        + " org=envmon, bucket=envmon, token=****, timeout=PT30S, gzip=true}");
    assertThat(o.token().reveal()).isEqualTo("s3cr3t-token");
  }

  @Test
  void v1OptionsRedactThePassword() {
    InfluxV1Options o = InfluxV1Options.builder().url("http://localhost:8086").database("envmon")
        .retentionPolicy("autogen").credentials("writer", Secret.of("pw!")).timeout(Duration.ofSeconds(5))
        .build();
    assertThat(o.toString()).doesNotContain("pw!").isEqualTo("InfluxV1Options{url=http://localhost:8086,"
        + " database=envmon, retentionPolicy=autogen, username=writer, password=****, timeout=PT5S, gzip=true}");
  }

  @Test
  void buildersNameWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> InfluxV2Options.builder().url("http://h:8086").org("o").bucket("b").build())
        .hasMessageContaining("token is not set");
    assertThatThrownBy(() -> InfluxV2Options.builder().url("http://h:8086").org(" ").bucket("b")
        .token(Secret.of("t")).build()).hasMessageContaining("org is not set");
    assertThatThrownBy(() -> InfluxV1Options.builder().url("http://h:8086").build())
        .hasMessageContaining("database is not set");
    assertThatThrownBy(() -> InfluxV1Options.builder().url("ftp://h").database("d").build())
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> InfluxV1Options.builder().url("http://u:p@h:8086").database("d").build())
        .hasMessageContaining("must not contain credentials");
    assertThatThrownBy(() -> InfluxV1Options.builder().url("http://h:8086").database("d")
        .timeout(Duration.ZERO).build()).hasMessageContaining("timeout must be positive");
  }

  @Test
  void secretsFromFileAndEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "  file-token\n");
    assertThat(Secret.fromFile(file).reveal()).isEqualTo("file-token");
    assertThat(Secret.fromFile(file).toString()).isEqualTo("****");
    assertThatThrownBy(() -> Secret.fromFile(dir.resolve("missing"))).hasMessageContaining("cannot read secret file");
    assertThatThrownBy(() -> Secret.fromEnv("ENVMON_TEST_SURELY_UNSET_VARIABLE"))
        .hasMessageContaining("ENVMON_TEST_SURELY_UNSET_VARIABLE is not set");
  }
}
