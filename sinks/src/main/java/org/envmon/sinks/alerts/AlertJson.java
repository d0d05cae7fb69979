package org.envmon.sinks.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envmon.schemas.Alert;

/**
 * The JSON form of an alert that webhooks, SSE and the open-alerts API all send: every field of
 * the Avro record in schema order, times as ISO-8601 UTC, medium in lower case.
 */
public final class AlertJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  /** The alert as a JSON object, UTF-8. */
  public static byte[] toBytes(Alert alert) {
    return write(fields(alert));
  }

  /** The alerts as a JSON array, UTF-8. */
  public static byte[] arrayToBytes(Collection<Alert> alerts) {
    List<Map<String, Object>> list = alerts.stream().map(AlertJson::fields).toList();
    return write(list);
  }

  static Map<String, Object> fields(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alertId", a.getAlertId());
    m.put("state", a.getState().name());
    m.put("severity", a.getSeverity());
    m.put("stationId", a.getStationId());
    m.put("district", a.getDistrict());
    m.put("medium", a.getMedium().name().toLowerCase(Locale.ROOT));
    m.put("ruleId", a.getRuleId());
    m.put("ruleSource", a.getRuleSource());
    m.put("parameter", a.getParameter());
    m.put("statistic", a.getStatistic());
    m.put("observed", a.getObserved());
    m.put("threshold", a.getThreshold());
    m.put("periodStart", a.getPeriodStart().toString());
    m.put("episodeStart", a.getEpisodeStart().toString());
    m.put("transitionAt", a.getTransitionAt().toString());
    m.put("message", a.getMessage());
    m.put("standard", a.getStandard());
    return m;
  }

  private static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      // Only strings, numbers and maps are written; this cannot happen short of a Jackson bug.
      throw new IllegalStateException("cannot write an alert as JSON: " + e.getMessage(), e);
    }
  }
}
