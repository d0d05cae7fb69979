package org.envmon.ingest.core;

import java.util.Objects;
import java.util.Optional;
import org.envmon.schemas.Station;

/**
 * A station as ingest knows it: the public description published to {@code envmon.stations}
 * plus the credentials that never leave ingest. Hashes are {@code sha256:<hex>} of the secret.
 *
 * @param station          the public station record
 * @param hj212PasswordHash hash of the HJ 212 PW the logger must send, or null
 * @param httpTokenHash    hash of the HTTP bearer token, or null
 * @param hj212ModbusCrc   accept the MODBUS CRC variant from this station's logger (logged per use)
 */
public record StationEntry(Station station, String hj212PasswordHash, String httpTokenHash,
                           boolean hj212ModbusCrc) {
  public StationEntry {
    Objects.requireNonNull(station, "station");
  }

  public String id() {
    return station.getId();
  }

  public Optional<String> mn() {
    return Optional.ofNullable(station.getHj212Mn());
  }
}
