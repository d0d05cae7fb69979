package org.envmon.ingest.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises envmon's log level to ERROR while a fuzzer runs: every refused packet is logged at WARN,
 * and 100 000 such lines would cost more time than the fuzzing itself. Errors still show.
 */
final class QuietLogs implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.envmon");
  private final Level previous = logger.getLevel();

  QuietLogs() {
    logger.setLevel(Level.ERROR);
  }

  @Override
  public void close() {
    logger.setLevel(previous);
  }
}
