package org.envmon.streams.internals;

import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.qc.QcHistory;

/** Store serde of {@link QcHistory} (kept out of the Kafka-free qc package). */
final class QcHistorySerde {
  static final Serde<QcHistory> SERDE = StateSerde.of("QC history", (byte) 1,
      (out, h) -> {
        out.writeDouble(h.lastValue());
        out.writeInt(h.repeats());
        out.writeLong(h.lastObservedAt());
      },
      in -> new QcHistory(in.readDouble(), in.readInt(), in.readLong()));

  private QcHistorySerde() {}
}
