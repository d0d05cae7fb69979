package org.envmon.streams.internals.water;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link WaterPeriods}: the two periods, each length-prefixed in {@link WaterPeriodSamplesSerde} form. */
final class WaterPeriodsSerde {
  private WaterPeriodsSerde() {}

  static Serde<WaterPeriods> serde() {
    Serde<WaterPeriodSamples> samples = WaterPeriodSamplesSerde.serde();
    return StateSerde.of("water periods", (byte) 1, (out, p) -> {
      write(out, samples.serializer().serialize(null, p.current()));
      write(out, samples.serializer().serialize(null, p.previous()));
    }, in -> new WaterPeriods(samples.deserializer().deserialize(null, read(in)),
        samples.deserializer().deserialize(null, read(in))));
  }

  private static void write(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
  }

  private static byte[] read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
