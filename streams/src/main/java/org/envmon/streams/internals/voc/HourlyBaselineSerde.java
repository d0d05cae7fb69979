package org.envmon.streams.internals.voc;

import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link HourlyBaseline} for the hot-spot store. */
final class HourlyBaselineSerde {
  private HourlyBaselineSerde() {}

  static Serde<HourlyBaseline> serde() {
    return StateSerde.of("VOCs hourly baseline", (byte) 1, (out, b) -> {
      out.writeInt(b.hours().length);
      for (int i = 0; i < b.hours().length; i++) {
        out.writeLong(b.hours()[i]);
        out.writeDouble(b.values()[i]);
      }
    }, in -> {
      int n = in.readInt();
      long[] hours = new long[n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        hours[i] = in.readLong();
        values[i] = in.readDouble();
      }
      return new HourlyBaseline(hours, values);
    });
  }
}
