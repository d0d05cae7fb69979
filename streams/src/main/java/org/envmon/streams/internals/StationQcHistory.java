package org.envmon.streams.internals;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.qc.QcHistory;

/**
 * What QC remembers of one station: the {@link QcHistory} of each of its parameters, stored as
 * one value per station. With minute data a station's readings arrive together, so one key per
 * station is read and written once per commit where one key per series was read and written
 * once per parameter (format 1 of the store). Mutable; the store holds its serialized form.
 */
final class StationQcHistory {
  static final Serde<StationQcHistory> SERDE = StateSerde.of("QC history", (byte) 2,
      (out, station) -> {
        out.writeInt(station.byParameter.size());
        for (Map.Entry<String, QcHistory> e : station.byParameter.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeDouble(e.getValue().lastValue());
          out.writeInt(e.getValue().repeats());
          out.writeLong(e.getValue().lastObservedAt());
        }
      },
      in -> {
        StationQcHistory station = new StationQcHistory();
        int parameters = in.readInt();
        for (int i = 0; i < parameters; i++) {
          station.byParameter.put(in.readUTF(), new QcHistory(in.readDouble(), in.readInt(), in.readLong()));
        }
        return station;
      });

  private final Map<String, QcHistory> byParameter = new TreeMap<>();

  /** The parameter's history, or null before its first usable reading. */
  QcHistory get(String parameter) {
    return byParameter.get(parameter);
  }

  void put(String parameter, QcHistory history) {
    byParameter.put(parameter, history);
  }
}
