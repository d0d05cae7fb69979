package org.envmon.streams.internals.health;

import org.apache.kafka.common.serialization.Serde;
import org.envmon.schemas.Medium;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link StationActivity} for the health store. */
final class StationActivitySerde {
  private StationActivitySerde() {}

  static Serde<StationActivity> serde() {
    return StateSerde.of("station activity", (byte) 1, (out, a) -> {
      out.writeLong(a.newestHour());
      out.writeLong(a.hoursBitmap());
      out.writeLong(a.firstHour());
      out.writeLong(a.lastArrivalWall());
      out.writeBoolean(a.open());
      out.writeLong(a.episodeStart());
      out.writeUTF(a.district());
      out.writeUTF(a.medium().name());
    }, in -> new StationActivity(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readBoolean(),
        in.readLong(), in.readUTF(), Medium.valueOf(in.readUTF())));
  }
}
