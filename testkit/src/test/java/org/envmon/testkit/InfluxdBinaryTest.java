package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxdBinaryTest {
  @Test
  void findsTheFirstExecutableInfluxdOnThePath(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path influxd = Files.createFile(bin.resolve("influxd"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(InfluxdBinary.find(Map.of("PATH", empty + ":" + bin))).contains(influxd);
    assertThat(InfluxdBinary.find(Map.of("PATH", empty.toString()))).isEmpty();
    assertThat(InfluxdBinary.find(Map.of("PATH", empty.toString(), InfluxdBinary.ENV_OVERRIDE, influxd.toString())))
        .contains(influxd);
  }

  @Test
  void missingInfluxdSaysHowToInstallIt(@TempDir Path dir) {
    assertThatThrownBy(() -> InfluxdBinary.require(Map.of("PATH", dir.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("influxd (InfluxDB 1.x) was not found on the PATH. The real-InfluxDB tests need it:"
            + " run scripts/test, which installs Debian's influxdb package (or run 'apt-get install -y influxdb')");
    assertThatThrownBy(() -> InfluxdBinary.require(Map.of(InfluxdBinary.ENV_OVERRIDE, dir.resolve("nope").toString())))
        .hasMessageStartingWith("influxd (InfluxDB 1.x) was not found at ENVMON_INFLUXD=" + dir.resolve("nope"));
  }
}
