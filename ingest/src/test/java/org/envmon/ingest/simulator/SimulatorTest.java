package org.envmon.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.testsupport.Fixtures;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private static final StationRegistry STATIONS = Fixtures.shippedStations();
  private static final List<StationEntry> ALL = List.copyOf(STATIONS.all());
  private static final List<SimulatedReading> DEFAULT_RUN =
      new Simulator(SimulatorOptions.defaults(ALL)).readings().toList();

  private static String fingerprint(List<SimulatedReading> readings) {
    return readings.stream().map(r -> r.candidate().stationId() + "|" + r.candidate().parameter() + "|"
        + r.candidate().observedAt() + "|" + r.candidate().value() + "|" + r.fault()).collect(Collectors.joining("\n"));
  }

  private static List<SimulatedReading> of(String stationId, String parameter) {
    return DEFAULT_RUN.stream().filter(r -> r.candidate().stationId().equals(stationId)
        && r.candidate().parameter().equals(parameter)).toList();
  }

  private static int beijingHour(SimulatedReading r) {
    return LocalDateTime.ofInstant(r.candidate().observedAt(), ZoneOffset.ofHours(8)).getHour();
  }

  @Test
  void sameSeedSameSequenceDifferentSeedDifferent() {
    List<SimulatedReading> again = new Simulator(SimulatorOptions.defaults(ALL)).readings().toList();
    List<SimulatedReading> otherSeed = new Simulator(SimulatorOptions.defaults(ALL).withSeed(7)).readings().toList();

    assertThat(fingerprint(again)).isEqualTo(fingerprint(DEFAULT_RUN));
    assertThat(fingerprint(otherSeed)).isNotEqualTo(fingerprint(DEFAULT_RUN));
  }

  @Test
  void eventTimeOrderWithinTheRun() {
    List<Instant> times = DEFAULT_RUN.stream().map(r -> r.candidate().observedAt()).toList();
    assertThat(times).isSorted();
    assertThat(times.get(0)).isEqualTo(SimulatorOptions.DEFAULT_START);
    assertThat(times.get(times.size() - 1)).isBefore(SimulatorOptions.DEFAULT_START.plus(Duration.ofDays(3)));
  }

  @Test
  void everyStationAndMediumWithItsPathAndCadence() {
    assertThat(DEFAULT_RUN.stream().map(r -> r.candidate().stationId()).distinct()).hasSize(ALL.size());
    Map<Medium, IngestPath> paths = DEFAULT_RUN.stream().collect(Collectors.toMap(
        r -> r.station().station().getMedium(), SimulatedReading::path, (a, b) -> a));
    assertThat(paths).containsEntry(Medium.AIR, IngestPath.HJ212).containsEntry(Medium.WATER, IngestPath.HTTP)
        .containsEntry(Medium.NOISE, IngestPath.MQTT).containsEntry(Medium.VOC, IngestPath.KAFKA_JSON);
    // water every 4 h: 6 values a day for 3 days
    assertThat(of("MiyunReservoir", "TP")).hasSize(18).allSatisfy(r -> assertThat(r.candidate().periodSeconds())
        .isEqualTo(14_400));
    assertThat(of("NoiseJianguomenRoad", "LEQ")).hasSize(72);
    assertThat(of("VocBDA", "BENZENE")).hasSize(72);
  }

  @Test
  void everyValuePassesIngestValidation() {
    ReadingValidator validator = new ReadingValidator(STATIONS, Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"),
        ZoneOffset.UTC), Duration.ofMinutes(5));
    assertThat(DEFAULT_RUN).allSatisfy(r -> assertThat(validator.validate(r.candidate()).isAccepted())
        .as(r.toString()).isTrue());
  }

  @Test
  void airEpisodesBreakTheLimits() {
    // a multi-day haze episode: PM2.5 hourly above 150 for more than a day at Dongsi
    assertThat(of("Dongsi", "PM2_5").stream().filter(r -> r.value() > 150)).hasSizeGreaterThan(24);
    // afternoon ozone above the 1-hour limit of 200 somewhere, only in the afternoon
    List<SimulatedReading> ozonePeaks = DEFAULT_RUN.stream().filter(r -> r.candidate().parameter().equals("O3")
        && r.value() > 200).toList();
    assertThat(ozonePeaks).isNotEmpty().allSatisfy(r -> assertThat(beijingHour(r)).isBetween(11, 19));
    // and clean hours too: the run is not one long episode
    assertThat(of("Dongsi", "PM2_5").stream().filter(r -> r.value() < 75)).hasSizeGreaterThan(12);
    assertThat(of("Dongsi", "CO")).allSatisfy(r -> assertThat(r.candidate().unit()).isEqualTo("mg/m3"))
        .allSatisfy(r -> assertThat(r.value()).isBetween(0.1, 10.0));
  }

  @Test
  void faultsAreInjected() {
    Map<Fault, Long> faults = DEFAULT_RUN.stream().collect(Collectors.groupingBy(SimulatedReading::fault,
        Collectors.counting()));
    assertThat(faults).containsEntry(Fault.SPIKE, 1L).containsEntry(Fault.SENTINEL, 1L);
    List<SimulatedReading> stuck = DEFAULT_RUN.stream().filter(r -> r.fault() == Fault.STUCK).toList();
    assertThat(stuck).hasSizeBetween(FaultPlan.STUCK_HOURS - 1, FaultPlan.STUCK_HOURS);
    assertThat(stuck.stream().map(r -> r.candidate().value()).distinct()).hasSize(1);
    assertThat(DEFAULT_RUN).filteredOn(r -> r.fault() == Fault.SENTINEL).singleElement()
        .satisfies(r -> assertThat(r.candidate().value()).isEqualTo("-999"));
    // missing hours: air stations report fewer than 72 hours in total (a 3-hour outage at least)
    long airHours = DEFAULT_RUN.stream().filter(r -> r.candidate().parameter().equals("PM2_5")).count();
    assertThat(airHours).isLessThanOrEqualTo(12 * 72 - FaultPlan.OUTAGE_HOURS);
  }

  @Test
  void waterNoiseAndVocsExceedSometimes() {
    // Lugouqiao (target class III, NH3-N limit 1.0) during the day-2 runoff event
    assertThat(of("YongdingLugouqiao", "NH3N").stream().filter(r -> r.value() > 1.0)).isNotEmpty();
    assertThat(of("YongdingLugouqiao", "NH3N").stream().filter(r -> r.value() <= 1.0)).isNotEmpty();
    // the roadside 4a site exceeds its 55 dB(A) night limit on some night hours, never by day's 70
    List<SimulatedReading> road = of("NoiseJianguomenRoad", "LEQ");
    assertThat(road.stream().filter(r -> (beijingHour(r) >= 22 || beijingHour(r) < 6) && r.value() > 55))
        .isNotEmpty();
    // VOCs hot spots above the GB 16297 Table 2 benzene value 0.40 mg/m3
    assertThat(DEFAULT_RUN.stream().filter(r -> r.candidate().parameter().equals("BENZENE") && r.value() > 0.4))
        .isNotEmpty();
  }
}
