package org.envmon.sinks.alerts;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.envmon.schemas.Alert;

/**
 * One connected SSE client: its filter and a bounded queue of events waiting to be written. A
 * client that falls a whole queue behind is disconnected rather than slowing the feed down.
 */
final class StreamClient {
  static final int QUEUE_CAPACITY = 1024;

  private final AlertFilter filter;
  private final BlockingQueue<byte[]> events = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private volatile boolean overflowed;

  StreamClient(AlertFilter filter) {
    this.filter = filter;
  }

  /** Queues the event if the client wants this alert; never blocks. */
  void offer(Alert alert, byte[] event) {
    if (filter.matches(alert) && !events.offer(event)) {
      overflowed = true;
    }
  }

  /** The next event, or null when none came within the timeout. */
  byte[] next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once an event had to be dropped: the stream is no longer complete and must end. */
  boolean overflowed() {
    return overflowed;
  }
}
