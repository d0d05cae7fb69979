package org.envmon.streams.internals;

import java.util.List;
import org.envmon.schemas.Aggregate;

/**
 * The daily aggregates of one station's natural day, as emitted together.
 *
 * @param stationId  the station
 * @param dayStart   start of the Beijing day, UTC millis
 * @param district   the station's district
 * @param revision   0 when the day closed, higher after late data
 * @param aggregates the day's statistics (daily means, O3 1-h max, MDA8)
 */
public record DayBatch(String stationId, long dayStart, String district, int revision, List<Aggregate> aggregates) {
  public DayBatch {
    aggregates = List.copyOf(aggregates);
  }
}
