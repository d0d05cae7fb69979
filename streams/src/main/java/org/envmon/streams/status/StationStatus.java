package org.envmon.streams.status;

import java.util.List;

/**
 * Everything the status API knows of one station: its latest hourly value of every parameter
 * (sorted by parameter) and its latest hourly and daily AQI (null when none was computed).
 */
public record StationStatus(String station, String district, List<HourlyStatus> hourly, AqiStatus hourlyAqi,
                            AqiStatus dailyAqi) {
  public StationStatus {
    hourly = List.copyOf(hourly);
  }
}
