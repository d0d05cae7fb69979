package org.envmon.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap's true peak use: the heap is fullest just before a collection, so the largest sum of
 * the heap pools' use before each collection (and the use now, in case none has run since).
 * The sum of each pool's own peak, which the bench reported before, adds peaks of different
 * moments: with G1 it exceeded the 1 GiB limit in a run whose heap never did.
 */
final class HeapPeak implements AutoCloseable {
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final AtomicLong peak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  private HeapPeak() {}

  /** Starts recording; close it to stop. */
  static HeapPeak start() {
    HeapPeak recorder = new HeapPeak();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(recorder.listener, null, null);
        recorder.emitters.add(emitter);
      }
    }
    recorder.peak.accumulateAndGet(recorder.usedNow(), Math::max);
    return recorder;
  }

  /** The largest heap use seen so far, bytes. */
  long peakBytes() {
    return peak.accumulateAndGet(usedNow(), Math::max);
  }

  private void collected(Notification notification, Object handback) {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      Map<String, MemoryUsage> before = GarbageCollectionNotificationInfo
          .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageBeforeGc();
      peak.accumulateAndGet(heapUsed(before), Math::max);
    }
  }

  /** The summed use of the heap pools in {@code usage} (pool name to use). */
  private long heapUsed(Map<String, MemoryUsage> usage) {
    return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
  }

  private long usedNow() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
