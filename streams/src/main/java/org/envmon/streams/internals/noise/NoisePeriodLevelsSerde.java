package org.envmon.streams.internals.noise;

import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.standards.noise.NoisePeriod;
import org.envmon.standards.noise.NoisePeriodKey;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link NoisePeriodLevels} for the noise store. */
final class NoisePeriodLevelsSerde {
  private NoisePeriodLevelsSerde() {}

  static Serde<NoisePeriodLevels> serde() {
    return StateSerde.of("noise period levels", (byte) 2, (out, p) -> {
      out.writeLong(p.key().date().toEpochDay());
      out.writeUTF(p.key().period().name());
      out.writeInt(p.levels().length);
      for (double l : p.levels()) {
        out.writeDouble(l);
      }
      out.writeInt(p.emissions());
    }, in -> {
      NoisePeriodKey key = new NoisePeriodKey(LocalDate.ofEpochDay(in.readLong()), NoisePeriod.valueOf(in.readUTF()));
      double[] levels = new double[in.readInt()];
      for (int i = 0; i < levels.length; i++) {
        levels[i] = in.readDouble();
      }
      return new NoisePeriodLevels(key, levels, in.readInt());
    });
  }
}
