package org.envmon.ingest.replay;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Interleaves the lines of several files by event time, so that all stations' event time
 * advances together (windows downstream close for every station at about the same point of the
 * replay). Each file is assumed in time order, as the UCI files are; ties keep file order.
 */
final class TimeOrderedMerge implements Iterator<ReplayLine> {
  private record Head(ReplayLine line, int source) {}

  private final List<? extends Iterator<ReplayLine>> sources;
  private final PriorityQueue<Head> heads = new PriorityQueue<>(
      Comparator.comparing((Head h) -> h.line().time()).thenComparingInt(Head::source));

  TimeOrderedMerge(List<? extends Iterator<ReplayLine>> sources) {
    this.sources = sources;
    for (int i = 0; i < sources.size(); i++) {
      advance(i);
    }
  }

  private void advance(int source) {
    Iterator<ReplayLine> it = sources.get(source);
    if (it.hasNext()) {
      heads.add(new Head(it.next(), source));
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public ReplayLine next() {
    Head head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException("all replay files are exhausted");
    }
    advance(head.source());
    return head.line();
  }
}
