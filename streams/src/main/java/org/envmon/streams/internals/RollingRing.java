package org.envmon.streams.internals;

import java.util.Arrays;
import org.apache.kafka.common.serialization.Serde;

/**
 * The last 24 hourly means of one (station, parameter) in a ring indexed by hour, so each new
 * hour costs O(1) and no overlapping window is ever re-aggregated. NaN marks a missing or invalid
 * hour. Mutable; the store holds its serialized form.
 */
public final class RollingRing {
  public static final int SIZE = 24;
  public static final Serde<RollingRing> SERDE = StateSerde.of("rolling ring", (byte) 1,
      (out, r) -> {
        out.writeLong(r.latestHour);
        for (double v : r.slots) {
          out.writeDouble(v);
        }
        out.writeInt(r.revision24);
        out.writeInt(r.revision8);
      },
      in -> {
        RollingRing r = new RollingRing();
        r.latestHour = in.readLong();
        for (int i = 0; i < SIZE; i++) {
          r.slots[i] = in.readDouble();
        }
        r.revision24 = in.readInt();
        r.revision8 = in.readInt();
        return r;
      });

  private static final long NONE = Long.MIN_VALUE;
  private long latestHour = NONE;
  private final double[] slots = new double[SIZE];
  private int revision24;
  private int revision8;

  public RollingRing() {
    Arrays.fill(slots, Double.NaN);
  }

  /** What an update changed: which windows ending at {@link #latestHour()} need re-emitting. */
  public enum Change { NEW_HOUR, REVISED_24H, REVISED_BOTH, OUTSIDE }

  /**
   * Puts the hourly mean of the hour starting at {@code hourStart} (NaN when invalid).
   * A newer hour moves the ring forward, clearing the hours skipped; an hour inside the ring
   * replaces its slot; an hour older than 24 hours is outside the ring and ignored.
   */
  public Change put(long hourStart, double value) {
    if (latestHour == NONE || hourStart > latestHour) {
      long skipped = latestHour == NONE ? SIZE : (hourStart - latestHour) / BeijingTime.HOUR_MS - 1;
      for (long i = 1; i <= Math.min(skipped, SIZE); i++) {
        slots[slot(hourStart - i * BeijingTime.HOUR_MS)] = Double.NaN;
      }
      slots[slot(hourStart)] = value;
      latestHour = hourStart;
      revision24 = 0;
      revision8 = 0;
      return Change.NEW_HOUR;
    }
    long age = (latestHour - hourStart) / BeijingTime.HOUR_MS;
    if (age >= SIZE) {
      return Change.OUTSIDE;
    }
    slots[slot(hourStart)] = value;
    revision24++;
    if (age < 8) {
      revision8++;
      return Change.REVISED_BOTH;
    }
    return Change.REVISED_24H;
  }

  /** Start of the newest hour in the ring. */
  public long latestHour() {
    return latestHour;
  }

  /** The last {@code hours} (1-24) hourly means, oldest first, ending with {@link #latestHour()}. */
  public double[] window(int hours) {
    double[] window = new double[hours];
    for (int i = 0; i < hours; i++) {
      window[i] = slots[slot(latestHour - (long) (hours - 1 - i) * BeijingTime.HOUR_MS)];
    }
    return window;
  }

  /** Revision of the window of {@code hours} (8 or 24) ending at {@link #latestHour()}. */
  public int revision(int hours) {
    return hours == 8 ? revision8 : revision24;
  }

  private static int slot(long hourStart) {
    return (int) Math.floorMod(Math.floorDiv(hourStart, BeijingTime.HOUR_MS), (long) SIZE);
  }
}
