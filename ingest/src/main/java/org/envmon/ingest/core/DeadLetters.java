package org.envmon.ingest.core;

import java.time.Instant;
import org.envmon.schemas.DeadLetter;

/** Builds DLQ records so every path words them the same way. */
public final class DeadLetters {
  private DeadLetters() {}

  public static DeadLetter of(RejectReason reason, String message, String source, String sourceAddress,
                              String stationId, String payload, Instant at) {
    return DeadLetter.newBuilder()
        .setReasonCode(reason.name())
        .setReason(message)
        .setSource(source)
        .setSourceAddress(sourceAddress)
        .setStationId(stationId)
        .setPayload(payload == null ? "" : payload)
        .setAt(at)
        .build();
  }
}
