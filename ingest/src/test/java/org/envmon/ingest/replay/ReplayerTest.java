package org.envmon.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.testsupport.Fixtures;
import org.envmon.ingest.testsupport.RecordingPublisher;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {
  private static final StationRegistry STATIONS = Fixtures.shippedStations();
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

  /** Dongsi, plain: two gaps (NA), a bad hour, a short line, a non-number, a day outside --to. */
  static final String DONGSI = Fixtures.UCI_HEADER
      + "1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\n"      // line 2: 6 readings
      + "2,2013,3,1,1,4,4,NA,16,NA,88,-0.7,1025.1,-22.1,0,\"NW\",3.9,\"Dongsi\"\n"        // line 3: 4, 2 missing
      + "3,2013,3,1,xx,7,7,5,17,1200,60,-1.2,1025.3,-24.6,0,\"NNW\",5.3,\"Dongsi\"\n"     // line 4: MALFORMED
      + "4,2013,3,1,3,7,7,5,17,1200,60,-1.4,1026.2,-25.5,0,\"N\",4.9,\"Dongsi\"\n"        // line 5: 6
      + "5,2013,3,2,0,10,NA,NA,NA,NA,NA,-1.9,1027.1,-24.5,0,\"NNW\",3.2,\"Dongsi\"\n"     // line 6: 1, 5 missing
      + "6,2013,3,2,1,1,2\n"                                                              // line 7: MALFORMED
      + "\n"                                                                              // line 8: blank
      + "7,2013,3,2,2,11,abc,2,3,500,4,-1.9,1027.1,-24.5,0,\"NNW\",3.2,\"Dongsi\"\n"      // line 9: 5, NOT_A_NUMBER
      + "8,2013,3,3,0,50,60,2,3,500,4,-1.9,1027.1,-24.5,0,\"NNW\",3.2,\"Dongsi\"\n";      // line 10: out of range

  /** Tiantan, gzipped: interleaves with Dongsi by time. */
  static final String TIANTAN = Fixtures.UCI_HEADER
      + "1,2013,3,1,0,6,18,4,20,400,77,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Tiantan\"\n"     // line 2: 6
      + "2,2013,3,1,1,NA,NA,NA,NA,NA,NA,-0.7,1025.1,-22.1,0,\"NW\",3.9,\"Tiantan\"\n"     // line 3: 6 missing
      + "3,2013,3,2,0,20,30,1,2,3500,3,-1.2,1025.3,-24.6,0,\"NNW\",5.3,\"Tiantan\"\n";    // line 4: 6

  static final String ATLANTIS = Fixtures.UCI_HEADER
      + "1,2013,3,1,0,6,18,4,20,400,77,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Atlantis\"\n";   // UNKNOWN_STATION

  @TempDir
  Path dir;

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final IngestCounters counters = IngestCounters.inMemory();

  private Replayer replayer(ReplayOptions options) {
    return new Replayer(STATIONS, publisher, counters, options, NOW, d -> { });
  }

  private ReplayOptions march1to2() {
    return ReplayOptions.defaults().withDates(LocalDate.of(2013, 3, 1), LocalDate.of(2013, 3, 2)).withBatchSize(4);
  }

  private static Instant beijing(int day, int hour) {
    return LocalDate.of(2013, 3, day).atTime(hour, 0).toInstant(ZoneOffset.ofHours(8));
  }

  @Test
  void replaysADirectoryWithExactCounts() {
    Fixtures.write(dir, "PRSA_Data_Dongsi.csv", DONGSI);
    Fixtures.writeGzip(dir, "PRSA_Data_Tiantan.csv.gz", TIANTAN);
    Fixtures.write(dir, "PRSA_Data_Atlantis.csv", ATLANTIS);
    Fixtures.write(dir, "notes.txt", "not a replay file");
    List<ReplayProgress> progress = new ArrayList<>();

    ReplayResult result = replayer(march1to2().withProgressEveryLines(3)).replay(List.of(dir), progress::add);

    assertThat(result.files()).isEqualTo(3);
    assertThat(result.linesRead()).isEqualTo(8 + 3 + 1);
    assertThat(result.readingsSent()).isEqualTo(6 + 4 + 6 + 1 + 5 + 6 + 6);
    assertThat(result.missingValues()).isEqualTo(2 + 5 + 6);
    assertThat(result.outOfRangeLines()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(Map.of(RejectReason.MALFORMED, 2L, RejectReason.NOT_A_NUMBER, 1L,
        RejectReason.UNKNOWN_STATION, 1L));
    assertThat(result.firstEventTime()).isEqualTo(beijing(1, 0));
    assertThat(result.lastEventTime()).isEqualTo(beijing(2, 2));
    assertThat(publisher.readings).hasSize((int) result.readingsSent());
    assertThat(publisher.batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(4));
    assertThat(publisher.endOfInput).containsExactly(beijing(2, 2));
    assertThat(counters.acceptedCount(Replayer.SOURCE)).isEqualTo(34);
    assertThat(counters.rejectedCount(Replayer.SOURCE)).isEqualTo(4);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).linesRead()).isEqualTo(12);
    assertThat(progress.get(progress.size() - 1).bytesRead()).isEqualTo(progress.get(0).totalBytes());
  }

  @Test
  void interleavesFilesByEventTime() {
    Fixtures.write(dir, "a.csv", DONGSI);
    Fixtures.writeGzip(dir, "b.csv.gz", TIANTAN);

    replayer(march1to2()).replay(List.of(dir), null);

    List<Instant> times = publisher.readings.stream().map(Reading::getObservedAt).toList();
    assertThat(times).isSorted();
    assertThat(publisher.readings.subList(0, 12)).extracting(Reading::getStationId)
        .containsExactly("Dongsi", "Dongsi", "Dongsi", "Dongsi", "Dongsi", "Dongsi",
            "Tiantan", "Tiantan", "Tiantan", "Tiantan", "Tiantan", "Tiantan");
  }

  @Test
  void convertsCoToMilligramsAndKeepsHourBeginningInBeijingTime() {
    Fixtures.write(dir, "d.csv", DONGSI);

    replayer(march1to2()).replay(List.of(dir.resolve("d.csv")), null);

    assertThat(publisher.readings).filteredOn(r -> r.getParameter().equals("CO"))
        .extracting(Reading::getObservedAt, Reading::getValue, Reading::getUnit)
        .containsExactly(tuple(Instant.parse("2013-02-28T16:00:00Z"), 0.3, "mg/m3"),
            tuple(beijing(1, 3), 1.2, "mg/m3"), tuple(beijing(2, 2), 0.5, "mg/m3"));
    assertThat(publisher.readings.get(0)).satisfies(r -> {
      assertThat(r.getParameter()).isEqualTo("PM2_5");
      assertThat(r.getUnit()).isEqualTo("ug/m3");
      assertThat(r.getValue()).isEqualTo(9.0);
      assertThat(r.getPeriodSeconds()).isEqualTo(3600);
      assertThat(r.getSource()).isEqualTo("replay");
      assertThat(r.getReceivedAt()).isEqualTo(NOW.instant());
    });
  }

  @Test
  void malformedLinesGoToTheDlqWithFileAndLine() {
    Path file = Fixtures.write(dir, "d.csv", DONGSI);

    replayer(march1to2()).replay(List.of(file), null);

    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode, DeadLetter::getSourceAddress)
        .containsExactly(tuple("MALFORMED", file + ":4"), tuple("MALFORMED", file + ":7"),
            tuple("NOT_A_NUMBER", file + ":9"));
    DeadLetter badHour = publisher.deadLetters.get(0);
    assertThat(badHour.getReason()).isEqualTo("year/month/day/hour '2013/3/1/xx' is not a valid hour at " + file + ":4");
    assertThat(badHour.getPayload()).startsWith("3,2013,3,1,xx,");
    assertThat(badHour.getSource()).isEqualTo("replay");
    assertThat(publisher.deadLetters.get(1).getReason()).startsWith("expected 18 fields as in the header, found 7");
    assertThat(publisher.deadLetters.get(2).getReason()).contains("'abc' is not a number").contains("PM10");
  }

  @Test
  void dateFilterIsInclusiveBeijingDates() {
    Fixtures.write(dir, "d.csv", DONGSI);

    ReplayResult only2nd = replayer(march1to2().withDates(LocalDate.of(2013, 3, 2), LocalDate.of(2013, 3, 2)))
        .replay(List.of(dir), null);

    // 2013-03-02 00:00 Beijing is 2013-03-01T16:00Z: the date is Beijing's, not UTC's.
    assertThat(publisher.readings).extracting(Reading::getObservedAt).containsOnly(beijing(2, 0), beijing(2, 2));
    assertThat(only2nd.readingsSent()).isEqualTo(1 + 5);
    assertThat(only2nd.outOfRangeLines()).isEqualTo(3 + 1);
    // the malformed lines are reported whatever their date, as their date is unknown
    assertThat(only2nd.rejected(RejectReason.MALFORMED)).isEqualTo(2);
  }

  @Test
  void genericLayout() {
    Path file = Fixtures.write(dir, "generic.csv", """
        time,station,parameter,value,unit,flag,sampleMinutes
        2026-03-01T08:00:00+08:00,MiyunReservoir,PH,7.6,,,
        2026-03-01T08:00:00+08:00,MiyunReservoir,DO,NA,mg/L,,
        2026-03-01T22:00:00+08:00,NoiseXidanCommercial,LEQ,51.2,dB(A),N,58
        2026-03-01T08:00:00+08:00,Dongsi,PH,7,,,
        2026-03-01 08:00,Dongsi,PM2_5,35,ug/m3,,
        """);

    ReplayResult result = replayer(ReplayOptions.defaults()).replay(List.of(file), null);

    assertThat(publisher.readings).extracting(Reading::getStationId, Reading::getParameter, Reading::getObservedAt,
        Reading::getValue, Reading::getUnit).containsExactly(
            tuple("MiyunReservoir", "PH", Instant.parse("2026-03-01T00:00:00Z"), 7.6, "pH"),
            tuple("NoiseXidanCommercial", "LEQ", Instant.parse("2026-03-01T14:00:00Z"), 51.2, "dB(A)"));
    assertThat(publisher.readings.get(1).getFlag()).isEqualTo("N");
    assertThat(publisher.readings.get(1).getSampleMinutes()).isEqualTo(58);
    assertThat(publisher.readings.get(0).getFlag()).isNull();
    assertThat(result.missingValues()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(Map.of(RejectReason.WRONG_MEDIUM, 1L, RejectReason.MALFORMED, 1L));
    assertThat(publisher.deadLetters.get(1).getReason()).startsWith("time '2026-03-01 08:00' is not ISO-8601");
  }

  @Test
  void pacesBySimulatedTime() {
    Fixtures.write(dir, "d.csv", DONGSI);
    List<Duration> sleeps = new ArrayList<>();
    // 3600x: one simulated hour per wall second; the fixed clock never advances, so each wait is
    // the full distance from the start.
    new Replayer(STATIONS, publisher, counters, march1to2().withPacing(Pacing.parse("3600")), NOW, sleeps::add)
        .replay(List.of(dir), null);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(24),
        Duration.ofSeconds(26));
  }

  @Test
  void clearErrorsForBadInputs() {
    Path unknown = Fixtures.write(dir, "x.csv", "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> replayer(ReplayOptions.defaults()).replay(List.of(unknown), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header 'a,b,c' is not a known layout");
    assertThatThrownBy(() -> replayer(ReplayOptions.defaults()).replay(List.of(dir.resolve("nope.csv")), null))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Pacing.parse("fast")).hasMessageContaining("--speed must be 'max' or a positive number");
    assertThatThrownBy(() -> ReplayOptions.defaults().withDates(LocalDate.of(2013, 3, 2), LocalDate.of(2013, 3, 1)))
        .hasMessageContaining("--to 2013-03-01 is before --from 2013-03-02");
  }
}
