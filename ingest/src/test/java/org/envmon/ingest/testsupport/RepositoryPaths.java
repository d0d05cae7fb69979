package org.envmon.ingest.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds files of the repository and of the shared data next to it, wherever the test runs from. */
public final class RepositoryPaths {
  private RepositoryPaths() {}

  /** The repository root: the nearest ancestor of the working directory holding mvnw. */
  public static Path root() {
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

  /** ../shared/data/beijing-multisite relative to the repository root, if it exists. */
  public static Optional<Path> beijingMultisite() {
    Path dir = root().resolve("../shared/data/beijing-multisite").normalize();
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
