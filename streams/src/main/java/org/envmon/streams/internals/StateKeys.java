package org.envmon.streams.internals;

/**
 * Keys of the topology's stores and output topics. Time-keyed store entries put the zero-padded
 * start after the station id, so one station's entries are contiguous and in time order.
 */
public final class StateKeys {
  public static final String SEPARATOR = "|";
  private static final int TIMED_WIDTH = 15;

  private StateKeys() {}

  /** {@code station|parameter}: envmon.hourly keys, QC and rolling state. */
  public static String series(String stationId, String parameter) {
    return stationId + SEPARATOR + parameter;
  }

  /** {@code station|parameter|statistic}: envmon.aggregates keys. */
  public static String statistic(String stationId, String parameter, String statistic) {
    return stationId + SEPARATOR + parameter + SEPARATOR + statistic;
  }

  /** {@code station|period}: envmon.aqi keys. */
  public static String aqi(String stationId, String period) {
    return stationId + SEPARATOR + period;
  }

  /** {@code station|<start, 15 digits>}: per station and period. */
  public static String timed(String stationId, long start) {
    // Same text as String.format("%015d", start), without the formatter: this runs for every
    // state access and String.format was 5 % of the replay's stream thread.
    String number = Long.toString(start);
    StringBuilder key = new StringBuilder(stationId.length() + 1 + Math.max(TIMED_WIDTH, number.length()))
        .append(stationId).append(SEPARATOR);
    int digitsFrom = 0;
    if (start < 0) {
      key.append('-');
      digitsFrom = 1;
    }
    for (int width = number.length(); width < TIMED_WIDTH; width++) {
      key.append('0');
    }
    return key.append(number, digitsFrom, number.length()).toString();
  }

  /** The prefix all {@link #timed} keys of a station share. */
  public static String stationPrefix(String stationId) {
    return stationId + SEPARATOR;
  }

  /** The start encoded in a {@link #timed} key. */
  public static long startOf(String timedKey) {
    return Long.parseLong(timedKey.substring(timedKey.lastIndexOf(SEPARATOR) + 1));
  }
}
