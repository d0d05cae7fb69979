package org.envmon.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository, found from wherever the test runs (the root is the directory with mvnw). */
final class RepositoryFiles {
  private RepositoryFiles() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root (a directory with mvnw) above "
          + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
