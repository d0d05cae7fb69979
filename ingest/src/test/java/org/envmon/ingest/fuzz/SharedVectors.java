package org.envmon.ingest.fuzz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envmon.testkit.RepositoryFiles;

/**
 * The public HJ 212 packets of ../shared/hj212/vectors.txt (beside the repository), as wire bytes
 * with CR LF: the fuzzers' seeds. Tests using them are skipped, with a message, when it is absent.
 */
final class SharedVectors {
  private SharedVectors() {}

  /** Every packet line of the file, valid or not, each with CR LF appended. */
  static List<byte[]> frames() {
    Path file = RepositoryFiles.shared("hj212/vectors.txt");
    assumeTrue(Files.isRegularFile(file), "HJ 212 vectors not found at " + file
        + "; clone the shared data next to the repository to run the HJ 212 fuzzers");
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("##"))
          .map(line -> (line + "\r\n").getBytes(StandardCharsets.UTF_8))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
