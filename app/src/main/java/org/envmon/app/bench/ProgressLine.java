package org.envmon.app.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a phase's progress about once per second, so a long bench shows it is alive. */
final class ProgressLine {
  private static final long INTERVAL_NANOS = 1_000_000_000L;
  private final PrintStream out;
  private final String phase;
  private final long started = System.nanoTime();
  private long lastPrinted = started;

  ProgressLine(PrintStream out, String phase) {
    this.out = out;
    this.phase = phase;
  }

  /** Prints {@code done of total} and the rate so far if a second has passed since the last line. */
  void update(long done, long total) {
    long now = System.nanoTime();
    if (now - lastPrinted >= INTERVAL_NANOS) {
      lastPrinted = now;
      double seconds = (now - started) / 1e9;
      out.printf(Locale.ROOT, "  %s: %,d / %,d (%.0f%%) %,.0f/s after %.0f s%n", phase, done, total,
          100.0 * done / Math.max(1, total), done / Math.max(seconds, 1e-9), seconds);
    }
  }

  /** Prints how much is left if a second has passed since the last line. */
  void remaining(long left) {
    long now = System.nanoTime();
    if (now - lastPrinted >= INTERVAL_NANOS) {
      lastPrinted = now;
      out.printf(Locale.ROOT, "  %s: %,d left after %.0f s%n", phase, left, (now - started) / 1e9);
    }
  }
}
