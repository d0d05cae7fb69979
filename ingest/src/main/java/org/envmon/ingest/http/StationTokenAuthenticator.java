package org.envmon.ingest.http;

import java.util.Objects;
import java.util.Optional;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.CredentialHash;

/**
 * Finds the station an {@code Authorization: Bearer <token>} header belongs to by matching the
 * token against every station's {@code httpTokenHash}. Every station is compared, each in
 * constant time, so the answer's timing does not tell how close a guess was. The token itself is
 * never stored or logged.
 */
public final class StationTokenAuthenticator {
  private static final String BEARER = "bearer ";

  private final StationDirectory stations;

  public StationTokenAuthenticator(StationDirectory stations) {
    this.stations = Objects.requireNonNull(stations, "stations");
  }

  /** The station whose token the header carries, or empty when the header is absent or wrong. */
  public Optional<StationEntry> authenticate(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
        || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorizationHeader.substring(BEARER.length()).strip();
    StationEntry match = null;
    for (StationEntry entry : stations.all()) {
      if (CredentialHash.matches(entry.httpTokenHash(), token) && match == null) {
        match = entry;
      }
    }
    return Optional.ofNullable(match);
  }
}
