package org.envmon.ingest.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.CredentialHash;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;

/** A small fixed station registry for the HTTP, MQTT and Kafka-JSON tests. */
public final class TestStations implements StationDirectory {
  public static final String DONGSI_TOKEN = "dongsi-token-3f9a";
  public static final String GUANYUAN_TOKEN = "guanyuan-token-77c1";
  /** "Now" for the validator: readings of 2026-05-01 are in the past. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);

  private final Map<String, StationEntry> byId = new LinkedHashMap<>();

  public TestStations() {
    add("Dongsi", Medium.AIR, "东城", CredentialHash.of(DONGSI_TOKEN));
    add("Guanyuan", Medium.AIR, "西城", CredentialHash.of(GUANYUAN_TOKEN));
    add("Shahe", Medium.WATER, "昌平", null);
  }

  private void add(String id, Medium medium, String district, String tokenHash) {
    Station station = Station.newBuilder().setId(id).setName(id).setMedium(medium).setDistrict(district)
        .setLatitude(39.9).setLongitude(116.4).build();
    byId.put(id, new StationEntry(station, null, tokenHash, false));
  }

  public static ReadingValidator validator() {
    return new ReadingValidator(new TestStations(), CLOCK, Duration.ofMinutes(10));
  }

  @Override
  public Optional<StationEntry> byId(String stationId) {
    return Optional.ofNullable(byId.get(stationId));
  }

  @Override
  public Optional<StationEntry> byMn(String mn) {
    return Optional.empty();
  }

  @Override
  public Collection<StationEntry> all() {
    return byId.values();
  }
}
