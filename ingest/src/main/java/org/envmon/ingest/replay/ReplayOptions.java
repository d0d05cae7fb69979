package org.envmon.ingest.replay;

import java.time.LocalDate;

/**
 * Settings of one replay.
 *
 * @param from               first Beijing date replayed, inclusive, or null for no lower bound
 * @param to                 last Beijing date replayed, inclusive, or null for no upper bound
 * @param pacing             replay speed
 * @param batchSize          readings per publish call
 * @param maxInFlightBatches publish calls not yet acknowledged before the replay waits (bounds memory)
 * @param endOfInput         send the end-of-input marker at the end, closing every open window
 *                           downstream; off when other live feeds share the pipeline
 * @param progressEveryLines how often the progress callback runs
 */
public record ReplayOptions(LocalDate from, LocalDate to, Pacing pacing, int batchSize, int maxInFlightBatches,
                            boolean endOfInput, int progressEveryLines) {
  public ReplayOptions {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (pacing == null) {
      throw new IllegalArgumentException("pacing is required (Pacing.max() for none)");
    }
    if (batchSize < 1 || maxInFlightBatches < 1 || progressEveryLines < 1) {
      throw new IllegalArgumentException("batchSize, maxInFlightBatches and progressEveryLines must be at least 1");
    }
  }

  /** Everything, as fast as possible, 500 readings per batch, 16 batches in flight, marker at the end. */
  public static ReplayOptions defaults() {
    return new ReplayOptions(null, null, Pacing.max(), 500, 16, true, 5_000);
  }

  public ReplayOptions withDates(LocalDate newFrom, LocalDate newTo) {
    return new ReplayOptions(newFrom, newTo, pacing, batchSize, maxInFlightBatches, endOfInput, progressEveryLines);
  }

  public ReplayOptions withPacing(Pacing newPacing) {
    return new ReplayOptions(from, to, newPacing, batchSize, maxInFlightBatches, endOfInput, progressEveryLines);
  }

  public ReplayOptions withBatchSize(int newBatchSize) {
    return new ReplayOptions(from, to, pacing, newBatchSize, maxInFlightBatches, endOfInput, progressEveryLines);
  }

  public ReplayOptions withEndOfInput(boolean send) {
    return new ReplayOptions(from, to, pacing, batchSize, maxInFlightBatches, send, progressEveryLines);
  }

  public ReplayOptions withProgressEveryLines(int lines) {
    return new ReplayOptions(from, to, pacing, batchSize, maxInFlightBatches, endOfInput, lines);
  }

  boolean includes(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }
}
