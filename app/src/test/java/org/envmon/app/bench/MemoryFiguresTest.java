package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryFiguresTest {
  @Test
  void readsVmHwmInKibibytes() {
    List<String> status = List.of("Name:\tjava", "VmPeak:\t 5000000 kB", "VmHWM:\t  596460 kB", "VmRSS:\t  500000 kB");
    assertThat(MemoryFigures.vmHwmBytes(status)).isEqualTo(OptionalLong.of(596460L * 1024));
  }

  @Test
  void missingOrMalformedLineIsEmpty() {
    assertThat(MemoryFigures.vmHwmBytes(List.of("Name:\tjava"))).isEmpty();
    assertThat(MemoryFigures.vmHwmBytes(List.of("VmHWM:\t  lots"))).isEmpty();
    assertThat(MemoryFigures.vmHwmBytes(List.of("VmHWM:\t  12 MB"))).isEmpty();
  }

  @Test
  void heapFiguresOfThisJvmAreConsistent() {
    assertThat(MemoryFigures.peakHeapBytes()).isPositive();
    assertThat(MemoryFigures.maxHeapBytes()).isPositive();
    assertThat(MemoryFigures.gcMillis()).isNotNegative();
  }

  @Test
  void theHeapPeakIsTheUseBeforeACollectionNotOnlyAfter() throws InterruptedException {
    try (HeapPeak heap = HeapPeak.start()) {
      byte[] block = new byte[96 * 1024 * 1024];
      block[block.length - 1] = 1;
      block = null;
      System.gc(); // the block is garbage now: only the notification of this collection saw it
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (heap.peakBytes() < 96L * 1024 * 1024 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(heap.peakBytes()).isGreaterThanOrEqualTo(96L * 1024 * 1024)
          .isLessThanOrEqualTo(MemoryFigures.maxHeapBytes());
      assertThat(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
          .as("the use after the collection").isLessThan(heap.peakBytes());
    }
  }
}
