package org.envmon.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files of the repository and of the shared material next to it, found from wherever a test runs
 * (Maven runs each module's tests in the module directory). The root is the nearest ancestor of
 * the working directory holding {@code mvnw}.
 */
public final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The repository root. */
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

  /** A repository file's text (UTF-8), {@code relative} to the root. */
  public static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ../shared/<relative>} next to the repository (CI clones it beside shared/). */
  public static Path shared(String relative) {
    return root().resolve("../shared").resolve(relative).normalize();
  }

  /** ../shared/data/beijing-multisite, if it exists. */
  public static Optional<Path> beijingMultisite() {
    Path dir = shared("data/beijing-multisite");
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
