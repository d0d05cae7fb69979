package org.envmon.streams.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.envmon.schemas.AqiRecord;

/** The latest hourly ({@code HOUR}) or daily ({@code DAY}) AQI of one station. */
public record AqiStatus(String station, String district, String period, String periodStart, Integer aqi,
                        Integer level, String category, List<String> primaryPollutants, Map<String, Integer> iaqi,
                        List<String> missing, String standard, int revision) {
  public AqiStatus {
    primaryPollutants = List.copyOf(primaryPollutants);
    iaqi = Map.copyOf(iaqi);
    missing = List.copyOf(missing);
  }

  static AqiStatus of(AqiRecord a) {
    return new AqiStatus(a.getStationId(), a.getDistrict(), a.getPeriod(), a.getPeriodStart().toString(), a.getAqi(),
        a.getLevel(), a.getCategory(), a.getPrimaryPollutants(), new TreeMap<>(a.getIaqi()), a.getMissing(),
        a.getStandard(), a.getRevision());
  }
}
