package org.envmon.ingest.core;

import java.util.Collection;
import java.util.Optional;

/** Read access to the station registry, shared by every ingest path. */
public interface StationDirectory {
  Optional<StationEntry> byId(String stationId);

  /** The station whose logger sends this HJ 212 MN. */
  Optional<StationEntry> byMn(String mn);

  Collection<StationEntry> all();
}
