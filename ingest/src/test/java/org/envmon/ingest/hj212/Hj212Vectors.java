package org.envmon.ingest.hj212;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.envmon.testkit.RepositoryFiles;

/**
 * The shared packet vectors (../shared/hj212/vectors.txt beside the repository). Tests that use
 * them are skipped, with a message, when the file is absent.
 */
final class Hj212Vectors {
  /**
   * One packet line.
   *
   * @param source the comment line naming where the packet comes from
   * @param wire   the packet without CR LF
   * @param valid  false for the packet whose CRC is marked INVALID
   */
  record Vector(String source, String wire, boolean valid) {
    String segment() {
      return wire.substring(6, wire.length() - 4);
    }

    String crc() {
      return wire.substring(wire.length() - 4);
    }

    int declaredLength() {
      return Integer.parseInt(wire.substring(2, 6));
    }

    byte[] bytesWithCrLf() {
      return (wire + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return source;
    }
  }

  private Hj212Vectors() {}

  static List<Vector> all() {
    Path file = RepositoryFiles.shared("hj212/vectors.txt");
    assumeTrue(Files.isRegularFile(file), "HJ 212 vectors not found at " + file
        + "; clone the shared data next to the repository to run these tests");
    try {
      List<Vector> vectors = new ArrayList<>();
      String comment = "";
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("#") && !line.startsWith("##")) {
          comment = line.substring(1).strip();
        } else if (line.startsWith("##")) {
          vectors.add(new Vector(comment, line, !comment.startsWith("INVALID")));
        }
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Vector> valid() {
    return all().stream().filter(Vector::valid).toList();
  }

  static Vector invalid() {
    return all().stream().filter(v -> !v.valid()).findFirst().orElseThrow();
  }

  /** The first valid vector whose segment contains {@code marker}. */
  static Vector containing(String marker) {
    return valid().stream().filter(v -> v.wire().contains(marker)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no vector contains " + marker));
  }
}
