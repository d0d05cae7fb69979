package org.envmon.testkit;

import java.nio.file.Path;

/** The influxd 1.x configuration of a test server: everything below its own directory, nothing reported. */
final class InfluxDbConfig {
  private InfluxDbConfig() {}

  /** With {@code authEnabled}, every request but the creation of the first admin user needs credentials. */
  static String render(Path dir, String host, int httpPort, int rpcPort, boolean authEnabled) {
    return """
        reporting-disabled = true
        # RPC (backup/restore) service; its default 8088 would clash with other servers.
        bind-address = "%2$s:%4$d"

        [meta]
          dir = "%1$s/meta"
          logging-enabled = false

        [data]
          dir = "%1$s/data"
          wal-dir = "%1$s/wal"
          query-log-enabled = false

        [monitor]
          store-enabled = false

        [http]
          enabled = true
          bind-address = "%2$s:%3$d"
          auth-enabled = %5$s
          log-enabled = false

        [logging]
          level = "warn"
          suppress-logo = true

        [continuous_queries]
          log-enabled = false
        """.formatted(tomlPath(dir), host, httpPort, rpcPort, authEnabled);
  }

  private static String tomlPath(Path dir) {
    return dir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
