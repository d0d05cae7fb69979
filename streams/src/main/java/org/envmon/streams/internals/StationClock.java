package org.envmon.streams.internals;

import org.apache.kafka.common.serialization.Serde;

/**
 * A station's event-time clock.
 *
 * @param eventTime       latest observation time seen from the station (or advanced to the wall
 *                        clock once the station fell silent), epoch millis
 * @param lastArrivalWall wall-clock time the station's last reading arrived, epoch millis
 */
public record StationClock(long eventTime, long lastArrivalWall) {
  public static final Serde<StationClock> SERDE = StateSerde.of("station clock", (byte) 1,
      (out, c) -> {
        out.writeLong(c.eventTime);
        out.writeLong(c.lastArrivalWall);
      },
      in -> new StationClock(in.readLong(), in.readLong()));
}
