package org.envmon.app.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How fast the topology works through a backlog: the wall time from the end of a warm-up share
 * of the backlog until its committed offsets on envmon.readings cover every reading. Exactly-once commits are transactions, so a
 * reading counts only once its outputs are committed too.
 */
final class PipelineThroughput {
  private static final long POLL_MILLIS = 100;

  private PipelineThroughput() {}

  /**
   * Waits until the committed offsets cover {@code warmup} readings (untimed: the JIT compiler's
   * warm-up), then times the next {@code expected}.
   */
  static Throughput measure(PipelineStreams streams, long warmup, long expected, Duration timeout, PrintStream out)
      throws InterruptedException {
    ProgressLine progress = new ProgressLine(out, "pipeline");
    long startedAll = System.nanoTime();
    long cpuStartedAll = Throughput.processCpuNanos();
    long deadline = startedAll + timeout.toNanos();
    long total = warmup + expected;
    long committed = awaitCommitted(streams, warmup, total, deadline, progress);
    long started = System.nanoTime();
    long cpuStarted = Throughput.processCpuNanos();
    long timedFrom = committed;
    committed = awaitCommitted(streams, total, total, deadline, progress);
    if (committed == timedFrom) {
      // a small backlog was done before the warm-up was seen to end: time all of it, warm-up included
      return new Throughput(committed, Duration.ofNanos(System.nanoTime() - startedAll),
          Throughput.processCpuNanos() - cpuStartedAll);
    }
    return new Throughput(committed - timedFrom, Duration.ofNanos(System.nanoTime() - started),
        Throughput.processCpuNanos() - cpuStarted);
  }

  private static long awaitCommitted(PipelineStreams streams, long target, long total, long deadline,
                                     ProgressLine progress) throws InterruptedException {
    long committed = streams.committedReadings();
    while (committed < target) {
      if (!streams.isRunning()) {
        throw new IllegalStateException("the streams application stopped after committing " + committed
            + " of " + total + " readings; see the log above");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline committed only " + committed + " of " + total
            + " readings in time; raise --timeout or lower --readings");
      }
      Thread.sleep(POLL_MILLIS);
      committed = streams.committedReadings();
      progress.update(committed, total);
    }
    return committed;
  }
}
