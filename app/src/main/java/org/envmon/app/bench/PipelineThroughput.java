package org.envmon.app.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How fast the topology works through a backlog: the wall time from the end of a warm-up share
 * of the backlog until its committed offsets on envmon.readings cover every reading. Exactly-once commits are transactions, so a
 * reading counts only once its outputs are committed too.
 */
final class PipelineThroughput {
  private static final String READINGS_OPTION = "--readings";

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
    long committed = streams.awaitCommitted(warmup, total, deadline, progress, READINGS_OPTION);
    long started = System.nanoTime();
    long cpuStarted = Throughput.processCpuNanos();
    long timedFrom = committed;
    committed = streams.awaitCommitted(total, total, deadline, progress, READINGS_OPTION);
    if (committed == timedFrom) {
      // a small backlog was done before the warm-up was seen to end: time all of it, warm-up included
      return new Throughput(committed, Duration.ofNanos(System.nanoTime() - startedAll),
          Throughput.processCpuNanos() - cpuStartedAll);
    }
    return new Throughput(committed - timedFrom, Duration.ofNanos(System.nanoTime() - started),
        Throughput.processCpuNanos() - cpuStarted);
  }
}
