package org.envmon.ingest.hj212;

import java.util.Optional;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.CredentialHash;

/**
 * Admits a packet only if its MN belongs to a registered station and its PW hashes to the
 * station's {@code sha256:<hex>} HJ 212 password hash (compared in constant time).
 */
public final class Hj212Authenticator {
  private final StationDirectory stations;

  public Hj212Authenticator(StationDirectory stations) {
    this.stations = stations;
  }

  /** Either the station, or why the packet is refused (the message never contains the PW). */
  public record Outcome(StationEntry station, RejectReason reason, String message) {
    public boolean admitted() {
      return station != null && reason == null;
    }
  }

  public Outcome authenticate(String mn, String pw) {
    Optional<StationEntry> entry = stations.byMn(mn);
    if (entry.isEmpty()) {
      return new Outcome(null, RejectReason.UNKNOWN_STATION, "MN '" + mn
          + "' belongs to no station in the registry; add it as hj212Mn of the station");
    }
    StationEntry station = entry.get();
    if (!CredentialHash.isWellFormed(station.hj212PasswordHash())) {
      return new Outcome(station, RejectReason.AUTH_FAILED, "station " + station.id()
          + " has no well-formed HJ 212 password hash (sha256:<64 hex>) configured; every packet is refused");
    }
    if (!CredentialHash.matches(station.hj212PasswordHash(), pw)) {
      return new Outcome(station, RejectReason.AUTH_FAILED, "wrong or missing PW for MN '" + mn
          + "' (station " + station.id() + ")");
    }
    return new Outcome(station, null, null);
  }
}
