package org.envmon.app.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, as text (message, arguments and the whole cause chain),
 * with envmon at DEBUG and Kafka at INFO, where Kafka prints every client's configuration: more
 * than an operator's log shows, so a secret that stays out of this stays out of theirs.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private static final Map<String, Level> LEVELS = Map.of("org.envmon", Level.DEBUG, "org.apache.kafka", Level.INFO);

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Map<String, Level> previous = new HashMap<>();

  LogCapture() {
    setName("security-log-capture");
    setContext(root.getLoggerContext());
    start();
    LEVELS.forEach((name, level) -> {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      previous.put(name, logger.getLevel());
      logger.setLevel(level);
    });
    root.addAppender(this);
  }

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder sb = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
        + event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    lines.add(sb.toString());
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
    previous.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
  }
}
