package org.envmon.ingest.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/** Keeps what it is given, acknowledging at once: for tests of the parsing side of a feed. */
public final class RecordingPublisher implements ReadingPublisher {
  public final List<Reading> readings = new ArrayList<>();
  public final List<DeadLetter> deadLetters = new ArrayList<>();
  public final List<Integer> batchSizes = new ArrayList<>();
  public final List<Instant> endOfInput = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Void> publish(List<Reading> batch) {
    readings.addAll(batch);
    batchSizes.add(batch.size());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    deadLetters.add(deadLetter);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<Void> endOfInput(Instant lastEventTime) {
    endOfInput.add(lastEventTime);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {}
}
