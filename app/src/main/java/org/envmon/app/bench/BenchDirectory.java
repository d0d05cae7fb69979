package org.envmon.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for one part of the bench, deleted with everything in it on close. */
final class BenchDirectory implements AutoCloseable {
  private final Path path;

  private BenchDirectory(Path path) {
    this.path = path;
  }

  static BenchDirectory create(String prefix) {
    try {
      return new BenchDirectory(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory (" + e.getMessage()
          + "); check that java.io.tmpdir is writable", e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("bench: could not delete " + path + " (" + e.getMessage() + "); delete it by hand");
    }
  }
}
