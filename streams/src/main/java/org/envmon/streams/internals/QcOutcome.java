package org.envmon.streams.internals;

import java.util.List;
import org.envmon.schemas.DeadLetter;

/**
 * What the QC stage forwards for one reading, exactly one of: a sample for the hourly means, a
 * dead letter, or the end-of-input marker.
 */
public record QcOutcome(QcSample sample, DeadLetter deadLetter, boolean endOfInput) {
  public static QcOutcome accepted(QcSample sample) {
    return new QcOutcome(sample, null, false);
  }

  public static QcOutcome rejected(DeadLetter deadLetter) {
    return new QcOutcome(null, deadLetter, false);
  }

  public static QcOutcome endOfInputMarker() {
    return new QcOutcome(null, null, true);
  }

  /** The dead letter as a list, for the dead-letter branch. */
  public List<DeadLetter> deadLetters() {
    return deadLetter == null ? List.of() : List.of(deadLetter);
  }
}
