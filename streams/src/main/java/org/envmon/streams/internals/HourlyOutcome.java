package org.envmon.streams.internals;

import java.util.List;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/** What the hourly-mean stage forwards: an hour batch, a late reading, or a dead letter. */
public record HourlyOutcome(HourBatch batch, Reading late, DeadLetter deadLetter) {
  public static HourlyOutcome of(HourBatch batch) {
    return new HourlyOutcome(batch, null, null);
  }

  public static HourlyOutcome late(Reading reading) {
    return new HourlyOutcome(null, reading, null);
  }

  public static HourlyOutcome dead(DeadLetter letter) {
    return new HourlyOutcome(null, null, letter);
  }

  public List<HourBatch> batches() {
    return batch == null ? List.of() : List.of(batch);
  }

  public List<Reading> lateReadings() {
    return late == null ? List.of() : List.of(late);
  }

  public List<DeadLetter> deadLetters() {
    return deadLetter == null ? List.of() : List.of(deadLetter);
  }
}
