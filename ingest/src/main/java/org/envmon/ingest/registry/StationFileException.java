package org.envmon.ingest.registry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The station file cannot be used. Lists every problem found, each with file, line and column,
 * so an operator can fix them all in one pass.
 */
public final class StationFileException extends RuntimeException {
  /** One problem; line and column are 1-based, 0 when the problem concerns the whole file. */
  public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
      return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public StationFileException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a StationFileException needs at least one problem");
    }
    String file = problems.get(0).file();
    return "station file " + file + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + " (fix them and restart):\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
