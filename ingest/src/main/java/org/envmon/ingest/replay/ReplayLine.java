package org.envmon.ingest.replay;

import java.time.Instant;
import java.util.List;
import org.envmon.ingest.core.ReadingValidator.Candidate;

/** What one data line of a replay file turned into. */
sealed interface ReplayLine {
  String file();

  long line();

  /** Event time used to merge files; for a malformed line, the time of the file's last good line. */
  Instant time();

  String raw();

  /** {@code file:line}, the DLQ source address. */
  default String address() {
    return file() + ":" + line();
  }

  /**
   * A line that parsed.
   *
   * @param candidates    the readings it carries, not yet validated
   * @param missingValues values marked missing ({@code NA} or empty), skipped
   */
  record Parsed(String file, long line, Instant time, String stationId, List<Candidate> candidates,
                int missingValues, String raw) implements ReplayLine {}

  /** A line that did not parse; goes to the DLQ as MALFORMED with the reason. */
  record Malformed(String file, long line, Instant time, String reason, String raw) implements ReplayLine {}
}
