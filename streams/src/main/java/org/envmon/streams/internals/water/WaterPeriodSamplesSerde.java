package org.envmon.streams.internals.water;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link WaterPeriodSamples}. */
final class WaterPeriodSamplesSerde {
  private WaterPeriodSamplesSerde() {}

  static Serde<WaterPeriodSamples> serde() {
    return StateSerde.of("water period samples", (byte) 2, (out, w) -> {
      out.writeLong(w.periodIndex());
      out.writeInt(w.samples().size());
      for (Map.Entry<String, Map<Long, Double>> p : w.samples().entrySet()) {
        out.writeUTF(p.getKey());
        out.writeInt(p.getValue().size());
        for (Map.Entry<Long, Double> s : p.getValue().entrySet()) {
          out.writeLong(s.getKey());
          out.writeDouble(s.getValue());
        }
      }
      out.writeUTF(w.district());
      out.writeInt(w.emissions());
    }, in -> {
      long index = in.readLong();
      int parameters = in.readInt();
      Map<String, Map<Long, Double>> samples = new TreeMap<>();
      for (int i = 0; i < parameters; i++) {
        String p = in.readUTF();
        int n = in.readInt();
        Map<Long, Double> byTime = new TreeMap<>();
        for (int j = 0; j < n; j++) {
          byTime.put(in.readLong(), in.readDouble());
        }
        samples.put(p, byTime);
      }
      return new WaterPeriodSamples(index, samples, in.readUTF(), in.readInt());
    });
  }
}
