package org.envmon.sinks.influx.sink;

import java.util.ArrayList;
import java.util.List;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.write.InfluxWriteException;

/**
 * Finds the points InfluxDB refuses in a rejected batch by bisection, writing every good point:
 * a rejected half is split again until single bad points remain. k bad points among n cost
 * O(k log n) writes. Re-writing points InfluxDB already stored (a 1.x partial write) is harmless
 * because point identity is deterministic.
 */
final class RejectionIsolator {
  /** A point InfluxDB refused and what it said. */
  record Rejected<T>(T item, String reason) {}

  /** Writes a list of points; throws only for rejections (retryable failures are handled inside). */
  interface Write {
    void write(List<LinePoint> points) throws InfluxWriteException, InterruptedException;
  }

  private RejectionIsolator() {}

  /**
   * Writes the items' points and returns the items whose points were rejected.
   *
   * @param items  batch items, e.g. points with their Kafka origin
   * @param points the point of each item, same order and size
   */
  static <T> List<Rejected<T>> writeIsolating(List<T> items, List<LinePoint> points, Write write)
      throws InterruptedException {
    List<Rejected<T>> rejected = new ArrayList<>();
    isolate(items, points, write, rejected);
    return rejected;
  }

  private static <T> void isolate(List<T> items, List<LinePoint> points, Write write,
      List<Rejected<T>> rejected) throws InterruptedException {
    if (points.isEmpty()) {
      return;
    }
    try {
      write.write(points);
    } catch (InfluxWriteException e) {
      if (points.size() == 1) {
        rejected.add(new Rejected<>(items.get(0), e.getMessage()));
        return;
      }
      int mid = points.size() / 2;
      isolate(items.subList(0, mid), points.subList(0, mid), write, rejected);
      isolate(items.subList(mid, items.size()), points.subList(mid, points.size()), write, rejected);
    }
  }
}
