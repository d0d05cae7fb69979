package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InfluxDbConfigTest {
  @Test
  void keepsEverythingInTheServerDirectoryOnItsOwnPorts() {
    String config = InfluxDbConfig.render(Path.of("/tmp/influx-1"), "127.0.0.1", 41001, 41002, false);
    assertThat(config).isEqualTo("""
        reporting-disabled = true
        # RPC (backup/restore) service; its default 8088 would clash with other servers.
        bind-address = "127.0.0.1:41002"

        [meta]
          dir = "/tmp/influx-1/meta"
          logging-enabled = false

        [data]
          dir = "/tmp/influx-1/data"
          wal-dir = "/tmp/influx-1/wal"
          query-log-enabled = false

        [monitor]
          store-enabled = false

        [http]
          enabled = true
          bind-address = "127.0.0.1:41001"
          auth-enabled = false
          log-enabled = false

        [logging]
          level = "warn"
          suppress-logo = true

        [continuous_queries]
          log-enabled = false
        """);
  }
}
