package org.envmon.ingest.http;

import java.util.List;
import org.envmon.ingest.json.CheckedBatch;

/**
 * The body of a 202 or 400 answer to {@code POST /api/v1/readings}.
 *
 * @param accepted readings Kafka acknowledged
 * @param rejected records refused (each also written to the DLQ)
 * @param errors   one entry per refused record
 */
public record IngestResponse(int accepted, int rejected, List<RecordError> errors) {
  /** Why one record was refused; index -1 means the body as a whole. */
  public record RecordError(int index, String reason, String message) {}

  static IngestResponse of(CheckedBatch batch) {
    List<RecordError> errors = batch.rejections().stream()
        .map(r -> new RecordError(r.index(), r.reason().name(), r.message())).toList();
    return new IngestResponse(batch.accepted().size(), batch.rejections().size(), errors);
  }
}
