package org.envmon.streams.internals.noise;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link NoisePeriods}: the two periods, each length-prefixed in {@link NoisePeriodLevelsSerde} form. */
final class NoisePeriodsSerde {
  private NoisePeriodsSerde() {}

  static Serde<NoisePeriods> serde() {
    Serde<NoisePeriodLevels> levels = NoisePeriodLevelsSerde.serde();
    return StateSerde.of("noise periods", (byte) 1, (out, p) -> {
      writePeriod(out, levels.serializer().serialize(null, p.current()));
      writePeriod(out, levels.serializer().serialize(null, p.previous()));
    }, in -> new NoisePeriods(levels.deserializer().deserialize(null, readPeriod(in)),
        levels.deserializer().deserialize(null, readPeriod(in))));
  }

  private static void writePeriod(DataOutputStream out, byte[] period) throws IOException {
    out.writeInt(period == null ? -1 : period.length);
    if (period != null) {
      out.write(period);
    }
  }

  private static byte[] readPeriod(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
