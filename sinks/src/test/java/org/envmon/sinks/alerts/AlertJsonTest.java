package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.envmon.schemas.AlertState;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
  private static final String DONGSI_OPEN = "{\"alertId\":\"Dongsi|GB3095-2012.PM2_5.24h.II|1768449600000\","
      + "\"state\":\"OPEN\",\"severity\":\"major\",\"stationId\":\"Dongsi\",\"district\":\"东城\",\"medium\":\"air\","
      + "\"ruleId\":\"GB3095-2012.PM2_5.24h.II\",\"ruleSource\":\"GB 3095-2012 Table 1\",\"parameter\":\"PM2_5\","
      + "\"statistic\":\"ROLLING_24H\",\"observed\":80.0,\"threshold\":75.0,\"periodStart\":\"2026-01-15T04:00:00Z\","
      + "\"episodeStart\":\"2026-01-15T04:00:00Z\",\"transitionAt\":\"2026-01-15T05:00:00Z\","
      + "\"message\":\"PM2.5 24 h mean 80 > 75\",\"standard\":\"GB 3095-2012\"}";

  @Test
  void writesEveryFieldInSchemaOrderOnOneLine() {
    String json = new String(AlertJson.toBytes(TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN)),
        StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(DONGSI_OPEN);
  }

  @Test
  void writesArrays() {
    assertThat(new String(AlertJson.arrayToBytes(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]");
    assertThat(new String(AlertJson.arrayToBytes(List.of(TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN))),
        StandardCharsets.UTF_8)).isEqualTo("[" + DONGSI_OPEN + "]");
  }

  @Test
  void sseEventCarriesTheIdempotencyKeyAsId() {
    String event = new String(AlertStreamHub.event(TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN)),
        StandardCharsets.UTF_8);
    assertThat(event).isEqualTo("id: Dongsi|GB3095-2012.PM2_5.24h.II|1768449600000:OPEN\ndata: " + DONGSI_OPEN + "\n\n");
  }
}
