package org.envmon.app.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Memory and GC figures of this JVM, from the management beans and /proc/self/status. */
final class MemoryFigures {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private MemoryFigures() {}

  /**
   * Peak heap use since the JVM started: the sum of each heap pool's peak. The pools peak at
   * different moments, so this is an upper bound of the true peak (exact with one pool).
   */
  static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getPeakUsage)
        .filter(java.util.Objects::nonNull)
        .mapToLong(u -> u.getUsed())
        .sum();
  }

  /** The heap limit (-Xmx, or the JVM's default for this machine). */
  static long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** Time spent in garbage collection since the JVM started, milliseconds. */
  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  /** Peak resident set size (VmHWM) of this process; empty where /proc is not available. */
  static OptionalLong peakRssBytes() {
    try {
      return vmHwmBytes(Files.readAllLines(PROC_STATUS));
    } catch (IOException | UnsupportedOperationException e) {
      return OptionalLong.empty();
    }
  }

  /** Parses the {@code VmHWM:   123456 kB} line of /proc/[pid]/status. */
  static OptionalLong vmHwmBytes(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB") && parts[0].matches("\\d+")) {
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }
}
