package org.envmon.app.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How fast the topology works through a backlog: the wall time from RUNNING until its committed
 * offsets on envmon.readings cover every reading. Exactly-once commits are transactions, so a
 * reading counts only once its outputs are committed too.
 */
final class PipelineThroughput {
  private static final long POLL_MILLIS = 100;

  private PipelineThroughput() {}

  static Throughput measure(PipelineStreams streams, long expected, Duration timeout, PrintStream out)
      throws InterruptedException {
    ProgressLine progress = new ProgressLine(out, "pipeline");
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long committed = streams.committedReadings();
    while (committed < expected) {
      if (!streams.isRunning()) {
        throw new IllegalStateException("the streams application stopped after committing " + committed
            + " of " + expected + " readings; see the log above");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline committed only " + committed + " of " + expected
            + " readings within " + timeout + "; raise --timeout or lower --readings");
      }
      Thread.sleep(POLL_MILLIS);
      committed = streams.committedReadings();
      progress.update(committed, expected);
    }
    return new Throughput(committed, Duration.ofNanos(System.nanoTime() - started));
  }
}
