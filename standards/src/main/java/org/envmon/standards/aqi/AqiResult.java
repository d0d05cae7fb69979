package org.envmon.standards.aqi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An hourly or daily AQI.
 *
 * @param aqi the AQI, or null when it is not published (no input, or HJ 633-2026 §5.3.1: a
 *     pollutant missing and the AQI of the rest not above 100)
 * @param level 1..6, null when not published
 * @param category 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染; null when not published
 * @param colour RGB hex; null when not published
 * @param primaryPollutants the inputs with the largest IAQI when AQI &gt; 50 (ties: all), else empty
 * @param iaqi the IAQI of every input that was present, keyed PM2_5, PM10, SO2, NO2, CO, O3, O3_8H
 * @param missing the inputs the edition needs that were absent
 * @param standard "HJ 633-2012" or "HJ 633-2026"
 */
public record AqiResult(Integer aqi, Integer level, String category, String colour,
    List<String> primaryPollutants, Map<String, Integer> iaqi, List<String> missing, String standard) {

  public AqiResult {
    primaryPollutants = List.copyOf(primaryPollutants);
    iaqi = Collections.unmodifiableMap(new LinkedHashMap<>(iaqi));
    missing = List.copyOf(missing);
  }

  /** Whether an AQI is published. */
  public boolean published() {
    return aqi != null;
  }
}
