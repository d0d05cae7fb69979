package org.envmon.streams.qc;

import java.util.List;

/**
 * QC's judgement on one reading.
 *
 * @param value          the value in the envmon unit (NaN when unusable)
 * @param flags          findings, empty for clean data
 * @param usable         false when there is no value at all (sentinel, unconvertible unit): the
 *                       reading goes to the dead-letter topic with {@code rejection}
 * @param valid          true when the value may enter statistics (usable and no finding)
 * @param rejection      why the reading is unusable, naming what to fix; null when usable
 * @param history        what to remember for the next reading of the same series
 */
public record QcVerdict(double value, List<String> flags, boolean usable, boolean valid, String rejection,
                        QcHistory history) {
  public QcVerdict {
    flags = List.copyOf(flags);
  }
}
