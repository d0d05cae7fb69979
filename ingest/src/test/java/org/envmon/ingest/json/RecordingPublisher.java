package org.envmon.ingest.json;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/**
 * An in-memory publisher for unit tests: records what it was given and acknowledges at once, or,
 * when {@link #holdAcks()} is set, only when the test calls {@link #releaseAcks()}, or fails
 * every publish after {@link #failWith}. The integration tests use the real Kafka publisher.
 */
public final class RecordingPublisher implements ReadingPublisher {
  public final List<Reading> readings = new CopyOnWriteArrayList<>();
  public final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
  private volatile boolean holding;
  private volatile RuntimeException failure;
  private final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

  public void holdAcks() {
    holding = true;
  }

  public void releaseAcks() {
    holding = false;
    held.forEach(f -> f.complete(null));
    held.clear();
  }

  /** Every publish fails with this error from now on; null makes them succeed again. */
  public void failWith(RuntimeException error) {
    failure = error;
  }

  /** Calls of {@link #publish}, successful or not. */
  public int publishAttempts() {
    return attempts.get();
  }

  @Override
  public CompletableFuture<Void> publish(List<Reading> batch) {
    attempts.incrementAndGet();
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    readings.addAll(batch);
    return ack();
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    deadLetters.add(deadLetter);
    return ack();
  }

  private CompletableFuture<Void> ack() {
    if (!holding) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    held.add(f);
    return f;
  }

  @Override
  public void close() {}
}
