package org.envmon.ingest.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.testkit.RepositoryFiles;

/** Small files written by the tests themselves (never copies of the shared data). */
public final class Fixtures {
  private Fixtures() {}

  public static final String UCI_HEADER = "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\","
      + "\"NO2\",\"CO\",\"O3\",\"TEMP\",\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\n";

  public static Path write(Path dir, String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path writeGzip(Path dir, String name, String content) {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped station registry (config/stations.yaml). */
  public static StationRegistry shippedStations() {
    return StationRegistry.load(RepositoryFiles.root().resolve("config/stations.yaml"));
  }
}
