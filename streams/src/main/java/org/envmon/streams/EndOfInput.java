package org.envmon.streams;

import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;

/**
 * The end-of-input watermark. A {@link Reading} whose station id is {@link #STATION_ID} closes
 * every open hour and day of every station in the task that reads it, emits them, and is itself
 * forwarded nowhere. A replay sends one to every partition of {@code envmon.readings} when it
 * is done, so no data stays in open windows.
 */
public final class EndOfInput {
  /** Station id of the end-of-input marker. */
  public static final String STATION_ID = Topics.END_OF_INPUT_STATION_ID;

  private EndOfInput() {}

  /** True when {@code stationId} is the end-of-input marker's. */
  public static boolean isMarker(String stationId) {
    return STATION_ID.equals(stationId);
  }
}
