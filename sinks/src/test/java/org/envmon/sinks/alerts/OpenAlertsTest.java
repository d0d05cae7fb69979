package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.junit.jupiter.api.Test;

class OpenAlertsTest {
  @Test
  void openAndEscalatedReplaceClearedRemoves() {
    OpenAlerts open = new OpenAlerts();
    Alert dongsiOpen = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
    Alert dongsiEscalated = TestAlerts.pm25("Dongsi", "东城", AlertState.ESCALATED);
    Alert tiantanOpen = TestAlerts.pm25("Tiantan", "东城", AlertState.OPEN);

    open.apply(dongsiOpen);
    open.apply(tiantanOpen);
    assertThat(open.snapshot()).containsExactly(dongsiOpen, tiantanOpen);

    open.apply(dongsiEscalated);
    assertThat(open.snapshot()).containsExactly(dongsiEscalated, tiantanOpen);

    open.apply(TestAlerts.pm25("Dongsi", "东城", AlertState.CLEARED));
    assertThat(open.snapshot()).containsExactly(tiantanOpen);
  }

  @Test
  void clearingAnUnknownAlertChangesNothing() {
    OpenAlerts open = new OpenAlerts();
    open.apply(TestAlerts.pm25("Dongsi", "东城", AlertState.CLEARED));
    assertThat(open.snapshot()).isEmpty();
  }
}
