package org.envmon.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.RejectReason;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;

class ReadingIntakeTest {
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final IngestCounters counters = IngestCounters.inMemory();
  private final ReadingIntake intake = new ReadingIntake(TestStations.validator(), publisher, counters,
      TestStations.CLOCK);

  private CheckedBatch check(String json) throws UnreadableInputException {
    return intake.check(new JsonReadingParser("http").parse(json));
  }

  @Test
  void acceptsValidRecordsAndRefusesTheOthersWithTheValidatorsReason() throws Exception {
    CheckedBatch batch = check("""
        [{"station":"Dongsi","parameter":"PM2.5","time":"2026-05-01T08:00:00+08:00","value":35.2,"flag":"N"},
         {"station":"Nowhere","parameter":"PM10","time":"2026-05-01T08:00:00+08:00","value":1},
         {"station":"Dongsi","parameter":"PH","time":"2026-05-01T08:00:00+08:00","value":7},
         {"station":"Dongsi","parameter":"SO2","time":"2026-05-02T08:00:00+08:00","value":7},
         {"station":"Dongsi","parameter":"SO2","time":"2026-05-01T08:00:00+08:00","value":"n/a"}]""");

    assertThat(batch.accepted()).containsExactly(Reading.newBuilder().setStationId("Dongsi").setParameter("PM2_5")
        .setMedium(Medium.AIR).setObservedAt(Instant.parse("2026-05-01T00:00:00Z")).setPeriodSeconds(3600)
        .setValue(35.2).setUnit("ug/m3").setFlag("N").setSource("http").setReceivedAt(TestStations.CLOCK.instant())
        .setSampleMinutes(null).build());
    assertThat(batch.rejections()).extracting(Rejection::index, Rejection::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, RejectReason.UNKNOWN_STATION),
        org.assertj.core.groups.Tuple.tuple(2, RejectReason.WRONG_MEDIUM),
        org.assertj.core.groups.Tuple.tuple(3, RejectReason.FUTURE_TIME),
        org.assertj.core.groups.Tuple.tuple(4, RejectReason.NOT_A_NUMBER));
    assertThat(batch.rejections().get(0).message())
        .isEqualTo("record 1: station 'Nowhere' is not in the station registry");
  }

  @Test
  void publishesReadingsAndDeadLettersAndCountsThemOnceAcknowledged() throws Exception {
    CheckedBatch batch = check("""
        [{"station":"Dongsi","parameter":"NO2","time":"2026-05-01T00:00:00Z","value":40},
         {"station":"Dongsi","parameter":"NO2","time":"2026-05-01T01:00:00Z","value":"x"}]""");
    publisher.holdAcks();

    var acked = intake.publish(batch, "http", "127.0.0.1:5000");

    assertThat(acked).isNotDone();
    assertThat(counters.acceptedCount("http")).isZero();
    publisher.releaseAcks();
    assertThat(acked).isCompleted();
    assertThat(publisher.readings).extracting(Reading::getValue).containsExactly(40.0);
    assertThat(publisher.deadLetters).containsExactly(DeadLetter.newBuilder().setReasonCode("NOT_A_NUMBER")
        .setReason("record 1: value 'x' is not a number").setSource("http").setSourceAddress("127.0.0.1:5000")
        .setStationId("Dongsi").setPayload("{\"station\":\"Dongsi\",\"parameter\":\"NO2\","
            + "\"time\":\"2026-05-01T01:00:00Z\",\"value\":\"x\"}").setAt(TestStations.CLOCK.instant()).build());
    assertThat(counters.acceptedCount("http")).isEqualTo(1);
    assertThat(counters.rejectedCount("http", RejectReason.NOT_A_NUMBER)).isEqualTo(1);
  }

  @Test
  void failsAndCountsNothingWhenKafkaRefuses() throws Exception {
    CheckedBatch batch = check("""
        {"station":"Dongsi","parameter":"NO2","time":"2026-05-01T00:00:00Z","value":40}""");
    publisher.failWith(new IllegalStateException("broker down"));

    assertThat(intake.publish(batch, "http", "x")).isCompletedExceptionally();
    assertThat(counters.acceptedCount("http")).isZero();
  }
}
