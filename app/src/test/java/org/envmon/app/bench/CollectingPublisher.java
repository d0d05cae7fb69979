package org.envmon.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/** Keeps what is published to it and acknowledges at once. */
final class CollectingPublisher implements ReadingPublisher {
  final List<Reading> published = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  boolean closed;

  @Override
  public CompletableFuture<Void> publish(List<Reading> readings) {
    published.addAll(readings);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {
    closed = true;
  }
}
