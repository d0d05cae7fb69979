package org.envmon.streams.internals.alerts;

import org.envmon.streams.internals.StateSerde;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.schemas.AlertState;

/** Serde of {@link Episode} for the alert state stores. */
public final class EpisodeSerde {
  private EpisodeSerde() {}

  /** The serde. */
  public static Serde<Episode> serde() {
    return StateSerde.of("alert state", (byte) 1, (out, e) -> {
      out.writeUTF(e.state().name());
      out.writeUTF(e.severity().name());
      out.writeLong(e.episodeStart());
      out.writeInt(e.consecutive());
      out.writeLong(e.lastPeriodStart());
      out.writeInt(e.lastRevision());
    }, in -> new Episode(AlertState.valueOf(in.readUTF()), Severity.valueOf(in.readUTF()), in.readLong(),
        in.readInt(), in.readLong(), in.readInt()));
  }
}
