package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.json.TestStations;
import org.junit.jupiter.api.Test;

class StationTokenAuthenticatorTest {
  private final StationTokenAuthenticator authenticator = new StationTokenAuthenticator(new TestStations());

  @Test
  void findsTheStationOfABearerToken() {
    assertThat(authenticator.authenticate("Bearer " + TestStations.DONGSI_TOKEN)).map(StationEntry::id)
        .contains("Dongsi");
    assertThat(authenticator.authenticate("bearer " + TestStations.GUANYUAN_TOKEN)).map(StationEntry::id)
        .contains("Guanyuan");
  }

  @Test
  void refusesMissingMalformedAndUnknownTokens() {
    assertThat(authenticator.authenticate(null)).isEmpty();
    assertThat(authenticator.authenticate("Bearer ")).isEmpty();
    assertThat(authenticator.authenticate("Basic " + TestStations.DONGSI_TOKEN)).isEmpty();
    assertThat(authenticator.authenticate(TestStations.DONGSI_TOKEN)).isEmpty();
    assertThat(authenticator.authenticate("Bearer " + TestStations.DONGSI_TOKEN + "x")).isEmpty();
  }
}
