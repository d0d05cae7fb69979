package org.envmon.ingest.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Raises envmon's log level to ERROR while a fuzz test runs: every refused input is logged at
 * WARN, and 100 000 such lines would cost more time than the fuzzing itself. Errors still show.
 */
final class QuietLogs implements BeforeEachCallback, AfterEachCallback {
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.envmon");
  private Level previous;

  @Override
  public void beforeEach(ExtensionContext context) {
    previous = logger.getLevel();
    logger.setLevel(Level.ERROR);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.setLevel(previous);
  }
}
