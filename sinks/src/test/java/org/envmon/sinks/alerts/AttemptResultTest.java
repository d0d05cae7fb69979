package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.sinks.alerts.AttemptResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptResultTest {
  @ParameterizedTest
  @CsvSource({"200,DELIVERED", "204,DELIVERED", "301,REFUSED", "400,REFUSED", "401,REFUSED", "404,REFUSED",
      "408,RETRY", "425,RETRY", "429,RETRY", "500,RETRY", "502,RETRY", "503,RETRY"})
  void classifiesStatus(int status, Outcome expected) {
    assertThat(AttemptResult.ofStatus(status, "").outcome()).isEqualTo(expected);
  }

  @Test
  void detailIsTheStatusWithTheBodyOnOneShortLine() {
    assertThat(AttemptResult.ofStatus(503, "down\n  for\tmaintenance ").detail()).isEqualTo("HTTP 503: down for maintenance");
    assertThat(AttemptResult.ofStatus(500, "x".repeat(300)).detail()).isEqualTo("HTTP 500: " + "x".repeat(200) + "...");
    assertThat(AttemptResult.ofStatus(200, null).detail()).isEqualTo("HTTP 200");
  }
}
