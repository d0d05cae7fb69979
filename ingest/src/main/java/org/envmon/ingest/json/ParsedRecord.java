package org.envmon.ingest.json;

import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.RejectReason;

/**
 * One record of a batch after parsing: either a candidate for validation, or the reason it could
 * not be read. {@code stationId} is the station the record names, when it names one.
 *
 * @param index     position of the record in its batch, from 0
 * @param candidate the fields as parsed, or null when the record is unreadable
 * @param stationId station named by the record, or null
 * @param reason    why the record is unreadable, or null
 * @param message   what was wrong and how to fix it, or null
 * @param raw       the record as received, for the DLQ
 */
public record ParsedRecord(int index, Candidate candidate, String stationId, RejectReason reason,
                           String message, String raw) {
  static ParsedRecord readable(int index, Candidate candidate, String raw) {
    return new ParsedRecord(index, candidate, candidate.stationId(), null, null, raw);
  }

  static ParsedRecord unreadable(int index, String stationId, RejectReason reason, String message, String raw) {
    return new ParsedRecord(index, null, stationId, reason, message, raw);
  }

  /** This record refused for a reason found outside the format (e.g. station and topic disagree). */
  public ParsedRecord refuse(RejectReason why, String explanation) {
    return unreadable(index, stationId, why, explanation, raw);
  }

  public boolean isReadable() {
    return candidate != null;
  }
}
