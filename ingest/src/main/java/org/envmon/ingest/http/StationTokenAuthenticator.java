package org.envmon.ingest.http;

import java.security.MessageDigest;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.CredentialHash;

/**
 * Finds the station an {@code Authorization: Bearer <token>} header belongs to by matching the
 * token against every station's {@code httpTokenHash}. The token is hashed once per request and
 * its digest compared with every station's, each comparison in constant time, so the answer's
 * timing does not tell how close a guess was, and a request with a wrong token costs one hash
 * however many stations there are. The token itself is never stored or logged.
 */
public final class StationTokenAuthenticator {
  private static final String BEARER = "bearer ";

  private final StationDirectory stations;
  /** Each station's hash parsed once, by its text, so a request parses none. */
  private final Map<String, Optional<byte[]>> storedDigests = new ConcurrentHashMap<>();

  public StationTokenAuthenticator(StationDirectory stations) {
    this.stations = Objects.requireNonNull(stations, "stations");
  }

  /** The station whose token the header carries, or empty when the header is absent or wrong. */
  public Optional<StationEntry> authenticate(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
        || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    byte[] digest = CredentialHash.digest(authorizationHeader.substring(BEARER.length()).strip());
    Collection<StationEntry> all = stations.all();
    if (storedDigests.size() > 2 * all.size() + 16) {
      storedDigests.clear(); // a directory that changes: forget the hashes of stations gone
    }
    StationEntry match = null;
    for (StationEntry entry : all) {
      String hash = entry.httpTokenHash();
      Optional<byte[]> stored = hash == null ? Optional.empty()
          : storedDigests.computeIfAbsent(hash, CredentialHash::storedDigest);
      if (stored.isPresent() && MessageDigest.isEqual(stored.get(), digest) && match == null) {
        match = entry;
      }
    }
    return Optional.ofNullable(match);
  }
}
