package org.envmon.app.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the built application ({@code app/target/classes} and {@code app/target/lib}).
 * The chaos run restarts processes for minutes; a rebuild of the module meanwhile (a developer's
 * {@code ./envmon}, another Maven run) must not swap the classes under a restarting process.
 */
final class AppBuild {
  private AppBuild() {}

  /** Copies the build below {@code into} and returns that directory (with {@code classes} and {@code lib}). */
  static Path copy(Path repoRoot, Path into) {
    Path target = repoRoot.resolve("app/target");
    Path cli = target.resolve("classes/org/envmon/app/EnvmonCli.class");
    if (!Files.exists(cli) || !Files.isDirectory(target.resolve("lib"))) {
      throw new IllegalStateException("the application is not built: " + cli + " or " + target.resolve("lib")
          + " is missing; run './mvnw -B install -DskipITs -pl app -am' (the package phase fills app/target/lib)");
    }
    try {
      copyTree(target.resolve("classes"), into.resolve("classes"));
      copyTree(target.resolve("lib"), into.resolve("lib"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the application build to " + into + ": " + e.getMessage(), e);
    }
    return into;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
