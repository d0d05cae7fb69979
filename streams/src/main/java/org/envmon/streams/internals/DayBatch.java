package org.envmon.streams.internals;

import java.util.List;
import org.envmon.schemas.Aggregate;

/**
 * The daily aggregates of one station's natural day, as emitted together; or, once per station
 * at end of input, the station's end marker ({@link #endMarker}), after its last day.
 *
 * @param stationId  the station
 * @param dayStart   start of the Beijing day, UTC millis
 * @param district   the station's district
 * @param revision   0 when the day closed, higher after late data
 * @param aggregates the day's statistics (daily means, O3 1-h max, MDA8)
 */
public record DayBatch(String stationId, long dayStart, String district, int revision, List<Aggregate> aggregates) {
  private static final long END_MARKER_DAY = Long.MAX_VALUE;

  public DayBatch {
    aggregates = List.copyOf(aggregates);
  }

  /** The marker that input has ended for {@code stationId}: every day it will have was emitted before it. */
  public static DayBatch endMarker(String stationId, String district) {
    return new DayBatch(stationId, END_MARKER_DAY, district, 0, List.of());
  }

  /** Whether this is a station's end-of-input marker rather than a day. */
  public boolean isEndMarker() {
    return dayStart == END_MARKER_DAY;
  }
}
