package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;

class Hj212PacketHandlerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
  private static final String REMOTE = "/192.0.2.7:40001";

  private static final StationEntry AIR = InMemoryStations.station("Dongsi", Medium.AIR, "Y80110010000010", "123456", false);
  private static final StationEntry WATER = InMemoryStations.station("Shahe", Medium.WATER, "LD130133000015", "123456", false);
  private static final StationEntry AIR_2025 =
      InMemoryStations.station("Tiantan", Medium.AIR, "010000A8900016F000169DC0", "123456", false);
  private static final StationEntry MODBUS = InMemoryStations.station("Gucheng", Medium.AIR, "MODBUS01", "pw", true);

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Hj212PacketHandler handler = handler(publisher);

  private Hj212PacketHandler handler(RecordingPublisher p) {
    InMemoryStations stations = new InMemoryStations(AIR, WATER, AIR_2025, MODBUS);
    return new Hj212PacketHandler(stations, new ReadingValidator(stations, CLOCK, Duration.ofMinutes(10)), p,
        Hj212Mapping.defaults(), new Hj212DuplicateFilter(1000, Duration.ofHours(1), CLOCK),
        new Hj212Metrics(registry), CLOCK);
  }

  private static Hj212Frame frame(String wire) {
    List<Hj212FrameDecoder.Event> events =
        new Hj212FrameDecoder(9999).feed((wire + "\r\n").getBytes(StandardCharsets.UTF_8));
    return ((Hj212FrameDecoder.FrameEvent) events.get(0)).frame();
  }

  private Optional<String> handle(String wire) {
    return handler.handle(frame(wire), REMOTE).join()
        .map(a -> new String(a.frame(), StandardCharsets.UTF_8));
  }

  private double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Reading reading(String station, String parameter, String observedAt, int period, double value,
                                 String unit) {
    return Reading.newBuilder().setStationId(station).setParameter(parameter)
        .setMedium(station.equals("Shahe") ? Medium.WATER : Medium.AIR).setObservedAt(Instant.parse(observedAt))
        .setPeriodSeconds(period).setValue(value).setUnit(unit).setFlag("N").setSource("hj212")
        .setReceivedAt(CLOCK.instant()).setSampleMinutes(null).build();
  }

  @Test
  void realTimeAirVectorBecomesReadingsAndUnknownCodesGoToTheDlq() {
    Optional<String> answer = handle(Hj212Vectors.containing("MN=Y80110010000010").wire());

    assertThat(answer).as("Flag=4 asks for no answer").isEmpty();
    assertThat(publisher.readings).containsExactly(
        reading("Dongsi", "CO", "2019-10-12T05:37:10Z", 60, 0.0, "mg/m3"),
        reading("Dongsi", "NO2", "2019-10-12T05:37:10Z", 60, 0.0, "ug/m3"),
        reading("Dongsi", "NOX", "2019-10-12T05:37:10Z", 60, 49.2, "ug/m3"));
    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode)
        .containsExactly("UNKNOWN_PARAMETER", "UNKNOWN_PARAMETER", "UNKNOWN_PARAMETER", "UNKNOWN_PARAMETER");
    assertThat(publisher.deadLetters.get(0).getReason()).contains("a21007").contains("Dongsi");
    assertThat(publisher.deadLetters.get(0).getPayload()).contains("PW=***").doesNotContain("123456");
    assertThat(counter("envmon.hj212.packets.accepted")).isEqualTo(1);
    assertThat(counter("envmon.hj212.readings.published")).isEqualTo(3);
  }

  @Test
  void a2005WaterPacketMapsOldCodesAndReadsMillisecondDataTime() {
    Hj212Vectors.Vector legacy = Hj212Vectors.containing("MN=LD130133000015");
    assertThat(legacy.segment()).contains("B01-Rtd"); // flow: ignored by the default table

    assertThat(handle(legacy.wire())).isEmpty();

    assertThat(publisher.readings).containsExactly(
        reading("Shahe", "COD", "2016-08-23T16:38:17Z", 60, 231.0, "mg/L"),
        reading("Shahe", "NH3N", "2016-08-23T16:38:17Z", 60, 1.803, "mg/L"));
    assertThat(publisher.deadLetters).isEmpty();
  }

  @Test
  void hourlyDataIsAnsweredOnlyAfterKafkaAcknowledged() {
    RecordingPublisher held = new RecordingPublisher().holdAcknowledgements();
    handler = handler(held);
    String wire = LoggerFrames.wire("QN=20261121133000123;ST=22;CN=2061;PW=123456;MN=Y80110010000010;Flag=5;"
        + "CP=&&DataTime=20261121120000;a34004-Min=20,a34004-Avg=35.5,a34004-Max=50,a34004-Flag=N;a05024-Avg=80,a05024-Flag=M&&");

    CompletableFuture<Optional<Hj212Answers.Answer>> answer = handler.handle(frame(wire), REMOTE);

    assertThat(answer).isNotDone();
    assertThat(held.readings).extracting(Reading::getParameter, Reading::getValue, Reading::getPeriodSeconds,
            Reading::getFlag, Reading::getObservedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PM2_5", 35.5, 3600, "N", Instant.parse("2026-11-21T04:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("O3", 80.0, 3600, "M", Instant.parse("2026-11-21T04:00:00Z")));
    held.pendingPublishes.get(0).complete(null);
    assertThat(answer.join()).hasValueSatisfying(a -> assertThat(new String(a.frame(), StandardCharsets.UTF_8))
        .isEqualTo(LoggerFrames.wire("QN=20261121133000123;ST=91;CN=9014;PW=123456;MN=Y80110010000010;Flag=4;CP=&&&&")
            + "\r\n"));
  }

  @Test
  void noAnswerWhenKafkaFailsAndTheRetransmissionIsNotTakenForADuplicate() {
    RecordingPublisher held = new RecordingPublisher().holdAcknowledgements();
    handler = handler(held);
    String wire = LoggerFrames.wire("QN=20261121133000123;ST=22;CN=2051;PW=123456;MN=Y80110010000010;Flag=5;"
        + "CP=&&DataTime=20261121125900;a34004-Avg=35.5&&");

    CompletableFuture<Optional<Hj212Answers.Answer>> first = handler.handle(frame(wire), REMOTE);
    held.pendingPublishes.get(0).completeExceptionally(new IllegalStateException("broker down"));

    assertThat(first).isCompletedExceptionally();
    assertThat(counter("envmon.hj212.publish.failures")).isEqualTo(1);
    CompletableFuture<Optional<Hj212Answers.Answer>> retry = handler.handle(frame(wire), REMOTE);
    held.pendingPublishes.get(1).complete(null);
    assertThat(retry.join()).isPresent();
    assertThat(held.readings).hasSize(2);
    assertThat(held.readings.get(1).getPeriodSeconds()).isEqualTo(60);
  }

  @Test
  void retransmissionsAreDroppedButStillAnswered() {
    String wire = LoggerFrames.wire("QN=20261121133000123;ST=22;CN=2061;PW=123456;MN=Y80110010000010;Flag=5;"
        + "CP=&&DataTime=20261121120000;a34004-Avg=35.5;a34002-Avg=70&&");

    assertThat(handle(wire)).isPresent();
    assertThat(handle(wire)).isPresent();

    assertThat(publisher.readings).hasSize(2);
    assertThat(counter("envmon.hj212.duplicates")).isEqualTo(2);
  }

  @Test
  void wrongPasswordIsRefusedWithoutDataOrAnswerAndWithoutThePasswordInTheDlq() {
    String wire = LoggerFrames.wire("QN=20261121133000123;ST=22;CN=2061;PW=guess1;MN=Y80110010000010;Flag=5;"
        + "CP=&&DataTime=20261121120000;a34004-Avg=35.5&&");

    assertThat(handle(wire)).isEmpty();

    assertThat(publisher.readings).isEmpty();
    assertThat(publisher.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getReasonCode()).isEqualTo("AUTH_FAILED");
      assertThat(d.getStationId()).isEqualTo("Dongsi");
      assertThat(d.getPayload()).doesNotContain("guess1").contains("PW=***");
      assertThat(d.getReason()).doesNotContain("guess1");
    });
    assertThat(counter("envmon.hj212.packets.rejected", "reason", "AUTH_FAILED")).isEqualTo(1);
  }

  @Test
  void unknownMnIsRefused() {
    String wire = LoggerFrames.wire("QN=1;ST=22;CN=2061;PW=123456;MN=NOBODY;Flag=5;CP=&&DataTime=20261121120000;a34004-Avg=1&&");

    assertThat(handle(wire)).isEmpty();

    assertThat(publisher.readings).isEmpty();
    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode).containsExactly("UNKNOWN_STATION");
  }

  @Test
  void theInvalidCrcVectorIsDroppedUnanswered() {
    assertThat(handle(Hj212Vectors.invalid().wire())).isEmpty();

    assertThat(publisher.readings).isEmpty();
    assertThat(publisher.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getReasonCode()).isEqualTo("BAD_CRC");
      assertThat(d.getReason()).contains("4980").contains("3C00");
      assertThat(d.getStationId()).as("the station the MN claims").isEqualTo("Shahe");
      assertThat(d.getSourceAddress()).isEqualTo(REMOTE);
    });
    assertThat(counter("envmon.hj212.packets.rejected", "reason", "BAD_CRC")).isEqualTo(1);
  }

  @Test
  void modbusCrcOnlyBehindTheStationSwitch() {
    String segment = "QN=1;ST=22;CN=2061;PW=pw;MN=MODBUS01;Flag=5;CP=&&DataTime=20261121120000;a34004-Avg=12&&";
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    String modbusWire = String.format("##%04d", bytes.length) + segment + Hj212Crc.hex(Hj212Crc.modbusAsSent(bytes));

    assertThat(handle(modbusWire)).isPresent();
    assertThat(counter("envmon.hj212.crc.modbus")).isEqualTo(1);

    String other = "QN=1;ST=22;CN=2061;PW=123456;MN=Y80110010000010;Flag=5;CP=&&DataTime=20261121120000;a34004-Avg=12&&";
    byte[] otherBytes = other.getBytes(StandardCharsets.UTF_8);
    assertThat(handle(String.format("##%04d", otherBytes.length) + other
        + Hj212Crc.hex(Hj212Crc.modbusAsSent(otherBytes)))).isEmpty();
    assertThat(publisher.readings).hasSize(1);
    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode).containsExactly("BAD_CRC");
  }

  @Test
  void timeCalibrationAndHeartbeatGet9013() {
    assertThat(handle(LoggerFrames.wire("QN=20261121133000123;ST=22;CN=1013;PW=123456;MN=Y80110010000010;Flag=4;CP=&&&&")))
        .contains(LoggerFrames.wire("QN=20261121133000123;ST=91;CN=9013;PW=123456;MN=Y80110010000010;Flag=4;CP=&&&&") + "\r\n");
    assertThat(handle(LoggerFrames.wire("QN=20261121133000124;ST=22;CN=9015;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&")))
        .contains(LoggerFrames.wire("QN=20261121133000124;ST=91;CN=9013;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&") + "\r\n");
  }

  @Test
  void the2025VectorWithFlag9GetsA9014EchoingItsFields() {
    assertThat(handle(Hj212Vectors.containing("CN=1011").wire())).contains(LoggerFrames.wire(
        "QN=20240601085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&") + "\r\n");
    assertThat(publisher.readings).isEmpty();
  }

  @Test
  void eachPieceOfASplitUploadIsAnsweredWithItsOwnQn() {
    String head = ";ST=22;CN=2061;PW=123456;MN=Y80110010000010;Flag=7;PNUM=2;PNO=";
    assertThat(handle(LoggerFrames.wire("QN=20261121133000001" + head + "1;CP=&&DataTime=20261121120000;a34004-Avg=1&&")))
        .hasValueSatisfying(a -> assertThat(a).contains("QN=20261121133000001;", "CN=9014", "Flag=4;"));
    assertThat(handle(LoggerFrames.wire("QN=20261121133000002" + head + "2;CP=&&DataTime=20261121120000;a34002-Avg=2&&")))
        .hasValueSatisfying(a -> assertThat(a).contains("QN=20261121133000002;", "CN=9014"));
    assertThat(publisher.readings).extracting(Reading::getParameter).containsExactly("PM2_5", "PM10");
  }

  @Test
  void aMalformedUploadGoesToTheDlq() {
    assertThat(handle(LoggerFrames.wire("QN=1;ST=22;CN=2061;PW=123456;MN=Y80110010000010;CP=&&a34004-Avg=1&&")))
        .isEmpty();
    assertThat(handle(LoggerFrames.wire("ST=22;CN=2061;MN=Y80110010000010;CP=&&a34004=1"))).isEmpty();

    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode).containsExactly("MALFORMED", "MALFORMED");
    assertThat(publisher.deadLetters.get(0).getReason()).contains("DataTime");
    assertThat(publisher.readings).isEmpty();
  }

  @Test
  void validatorRejectionsKeepTheirReason() {
    String wire = LoggerFrames.wire("QN=1;ST=22;CN=2061;PW=123456;MN=Y80110010000010;Flag=4;"
        + "CP=&&DataTime=20261121120000;a34004-Avg=abc;w01001-Avg=7&&");

    handle(wire);

    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode).containsExactly("NOT_A_NUMBER", "WRONG_MEDIUM");
  }

  @Test
  void framingErrorsAreDeadLetteredButGarbageIsNot() {
    handler.decodeError(new Hj212DecodeError(Hj212DecodeError.Kind.OVERSIZED, "too big", "##9999QN=1;PW=secret;"), REMOTE).join();
    handler.decodeError(new Hj212DecodeError(Hj212DecodeError.Kind.GARBAGE, "noise", "AT"), REMOTE).join();

    assertThat(publisher.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getReasonCode()).isEqualTo("OVERSIZED");
      assertThat(d.getPayload()).isEqualTo("##9999QN=1;PW=***;");
    });
  }

  @Test
  void aCorruptedNonUtf8PacketIsDeadLetteredAsHexWithThePasswordMasked() {
    byte[] segment = "ST=22;CN=2011;PW=123456;MN=X;CP=&&a\u00ff&&".getBytes(StandardCharsets.ISO_8859_1);
    Hj212Frame corrupted = new Hj212Frame(segment, "0000", false);

    handler.handle(corrupted, REMOTE).join();

    String expected = "##0038ST=22;CN=2011;PW=***;MN=X;CP=&&a\u00ff&&0000";
    assertThat(publisher.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.getReasonCode()).isEqualTo("BAD_CRC");
      assertThat(d.getPayload()).isEqualTo("hex:" + java.util.HexFormat.of()
          .formatHex(expected.getBytes(StandardCharsets.ISO_8859_1)));
    });
  }
}
