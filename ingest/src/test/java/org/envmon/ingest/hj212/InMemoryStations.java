package org.envmon.ingest.hj212;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.CredentialHash;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;

/** A fixed station registry for tests. */
final class InMemoryStations implements StationDirectory {
  private final List<StationEntry> entries;

  InMemoryStations(StationEntry... entries) {
    this.entries = List.of(entries);
  }

  static StationEntry station(String id, Medium medium, String mn, String password, boolean modbusCrc) {
    Station station = Station.newBuilder().setId(id).setName(id).setMedium(medium).setDistrict("东城")
        .setLatitude(39.93).setLongitude(116.42).setCadenceSeconds(60).setHj212Mn(mn).build();
    return new StationEntry(station, password == null ? null : CredentialHash.of(password), null, modbusCrc);
  }

  @Override
  public Optional<StationEntry> byId(String stationId) {
    return entries.stream().filter(e -> e.id().equals(stationId)).findFirst();
  }

  @Override
  public Optional<StationEntry> byMn(String mn) {
    return entries.stream().filter(e -> e.mn().filter(mn::equals).isPresent()).findFirst();
  }

  @Override
  public Collection<StationEntry> all() {
    return entries;
  }
}
