package org.envmon.ingest.hj212;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/**
 * In-memory publisher for pure handler tests: records what it is given; the test decides when
 * (and whether) each publish is acknowledged.
 */
final class RecordingPublisher implements ReadingPublisher {
  final List<Reading> readings = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<CompletableFuture<Void>> pendingPublishes = new ArrayList<>();
  private boolean autoAcknowledge = true;

  /** Publishes stay pending until the test completes them through {@link #pendingPublishes}. */
  RecordingPublisher holdAcknowledgements() {
    autoAcknowledge = false;
    return this;
  }

  @Override
  public synchronized CompletableFuture<Void> publish(List<Reading> batch) {
    readings.addAll(batch);
    CompletableFuture<Void> ack = new CompletableFuture<>();
    pendingPublishes.add(ack);
    if (autoAcknowledge) {
      ack.complete(null);
    }
    return ack;
  }

  @Override
  public synchronized CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {
    // nothing held
  }
}
