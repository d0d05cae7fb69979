package org.envmon.app.runtime;

import java.io.PrintStream;
import java.util.Properties;

/** A finite source of readings for the demo: the simulator or a CSV replay. */
public interface Feed {
  /** One line for the operator, e.g. "simulator: 12 stations, 4 days from 2026-01-05, seed 1". */
  String describe();

  /**
   * Sends every reading through ingest into Kafka, showing progress on {@code out}, then the
   * end-of-input marker to every partition so every open window closes.
   */
  FeedResult run(Properties kafkaClientProperties, PrintStream out) throws Exception;
}
