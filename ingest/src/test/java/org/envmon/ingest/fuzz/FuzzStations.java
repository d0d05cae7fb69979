package org.envmon.ingest.fuzz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.CredentialHash;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;

/** Stations whose MNs and PW (123456) are those of the shared HJ 212 vectors, so mutants get past auth. */
final class FuzzStations {
  static final String PASSWORD = "123456";
  static final String AIR_MN = "Y80110010000010";
  /** "Now" for the validator. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);

  private FuzzStations() {}

  static StationRegistry registry() {
    return new StationRegistry(List.of(
        station("fz-2017", Medium.AIR, "010000A8900016F000169DC0", false),
        station("fz-air", Medium.AIR, AIR_MN, false),
        station("fz-2005", Medium.WATER, "LD130133000015", true),
        station("fz-9014", Medium.NOISE, "410183160889201000212505", false)));
  }

  static ReadingValidator validator(StationRegistry stations) {
    // Generous future window: vectors and mutants carry any date.
    return new ReadingValidator(stations, CLOCK, Duration.ofDays(365L * 100));
  }

  private static StationEntry station(String id, Medium medium, String mn, boolean modbusCrc) {
    Station station = Station.newBuilder().setId(id).setName(id).setMedium(medium).setDistrict("东城")
        .setLatitude(39.93).setLongitude(116.42).setCadenceSeconds(60).setHj212Mn(mn).build();
    return new StationEntry(station, CredentialHash.of(PASSWORD), null, modbusCrc);
  }
}
