package org.envmon.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Records moved in a wall time, and the CPU time the whole process spent meanwhile.
 *
 * @param records  records processed
 * @param elapsed  wall time it took
 * @param cpuNanos CPU time of this JVM (every thread: broker, clients, JIT, GC) in that time;
 *                 negative when not measured
 */
record Throughput(long records, Duration elapsed, long cpuNanos) {
  Throughput(long records, Duration elapsed) {
    this(records, elapsed, -1);
  }

  double perSecond() {
    return records / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }

  double seconds() {
    return elapsed.toNanos() / 1e9;
  }

  /**
   * Process CPU microseconds per record, NaN when not measured. Less sensitive than the rate to
   * what else the machine runs, so it shows what a change costs when the machine is not quiet.
   */
  double cpuMicrosPerRecord() {
    return cpuNanos < 0 || records == 0 ? Double.NaN : cpuNanos / 1e3 / records;
  }

  /** CPU time of this JVM so far, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
