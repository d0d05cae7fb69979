package org.envmon.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.json.TestStations;
import org.envmon.ingest.registry.CredentialHash;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
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

  @Test
  void storedHashesAreReadAsTheStationFileAllowsAndMalformedOnesMatchNothing() {
    Stations stations = new Stations();
    stations.entries.add(entry("Upper", " " + CredentialHash.of("upper-token").toUpperCase(Locale.ROOT)
        .replace("SHA256:", "sha256:") + " "));
    stations.entries.add(entry("Broken", "sha256:not-hex"));
    StationTokenAuthenticator auth = new StationTokenAuthenticator(stations);
    assertThat(auth.authenticate("Bearer upper-token")).map(StationEntry::id).contains("Upper");
    assertThat(auth.authenticate("Bearer not-hex")).isEmpty();
  }

  @Test
  void aChangedDirectoryIsReadAgainOnTheNextRequest() {
    Stations stations = new Stations();
    stations.entries.add(entry("Dongsi", CredentialHash.of("old-token")));
    StationTokenAuthenticator auth = new StationTokenAuthenticator(stations);
    assertThat(auth.authenticate("Bearer old-token")).map(StationEntry::id).contains("Dongsi");

    stations.entries.set(0, entry("Dongsi", CredentialHash.of("new-token"))); // the token was rotated
    assertThat(auth.authenticate("Bearer old-token")).isEmpty();
    assertThat(auth.authenticate("Bearer new-token")).map(StationEntry::id).contains("Dongsi");
    for (int i = 0; i < 100; i++) { // and keeps finding it through many rotations
      stations.entries.set(0, entry("Dongsi", CredentialHash.of("token-" + i)));
      assertThat(auth.authenticate("Bearer token-" + i)).isPresent();
    }
  }

  private static StationEntry entry(String id, String tokenHash) {
    return new StationEntry(Station.newBuilder().setId(id).setName(id).setMedium(Medium.AIR).setDistrict("东城")
        .setLatitude(39.9).setLongitude(116.4).build(), null, tokenHash, false);
  }

  /** A directory whose stations the test changes. */
  private static final class Stations implements StationDirectory {
    final List<StationEntry> entries = new ArrayList<>();

    @Override
    public Optional<StationEntry> byId(String stationId) {
      return entries.stream().filter(e -> e.id().equals(stationId)).findFirst();
    }

    @Override
    public Optional<StationEntry> byMn(String mn) {
      return Optional.empty();
    }

    @Override
    public Collection<StationEntry> all() {
      return List.copyOf(entries);
    }
  }
}
