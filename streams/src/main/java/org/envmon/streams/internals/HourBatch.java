package org.envmon.streams.internals;

import java.util.List;
import org.envmon.schemas.HourlyValue;

/**
 * The hourly means of one station-hour after an emission, with the station's clock. A batch
 * without values is a clock tick: the station's event time advanced (or input ended) and its
 * days may close.
 *
 * @param stationId the station
 * @param clock     the station's event time when the batch was made; {@link Long#MAX_VALUE} at end
 *                  of input, which closes everything
 * @param all       every parameter's hourly value of the station-hour (for the hourly AQI)
 * @param changed   the values emitted now: all of them when the hour closes, the revised one
 *                  when late data changed it
 */
public record HourBatch(String stationId, long clock, List<HourlyValue> all, List<HourlyValue> changed) {
  public HourBatch {
    all = List.copyOf(all);
    changed = List.copyOf(changed);
  }

  public static HourBatch tick(String stationId, long clock) {
    return new HourBatch(stationId, clock, List.of(), List.of());
  }
}
