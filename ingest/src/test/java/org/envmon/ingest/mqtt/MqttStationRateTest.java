package org.envmon.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationRate;
import org.envmon.ingest.core.StationRateLimiter;
import org.envmon.ingest.json.CheckedBatch;
import org.envmon.ingest.json.JsonReadingParser;
import org.envmon.ingest.json.ParsedRecord;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.Rejection;
import org.envmon.ingest.json.TestStations;
import org.junit.jupiter.api.Test;

/** Each station's records of an MQTT message against its bucket, on a clock the test moves. */
class MqttStationRateTest {
  private final AtomicLong now = new AtomicLong();
  // Burst 3, then one record a second.
  private final MqttStationRate rate = new MqttStationRate(
      new StationRateLimiter(new StationRate(1, 3), 100, now::get));

  private static List<ParsedRecord> message(String... stationsAndHours) throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (String s : stationsAndHours) {
      String[] p = s.split("@");
      json.append(json.length() > 1 ? "," : "").append("{\"station\":\"").append(p[0])
          .append("\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T").append(p[1]).append(":00:00+08:00\",\"value\":1}");
    }
    return new JsonReadingParser(MqttIngest.SOURCE).parse(json.append("]").toString());
  }

  @Test
  void recordsWithinTheRateAreLeftAlone() throws Exception {
    List<ParsedRecord> records = message("Dongsi@08", "Dongsi@09", "Dongsi@10");
    assertThat(rate.apply(records, "Dongsi")).isSameAs(records);
  }

  @Test
  void aStationsRecordsBeyondItsRateAreRefusedAsRateLimitedAllOfTheMessageOrNone() throws Exception {
    rate.apply(message("Dongsi@08", "Dongsi@09"), "Dongsi");

    List<ParsedRecord> over = rate.apply(message("Dongsi@10", "Dongsi@11"), "Dongsi");
    CheckedBatch batch = ReadingIntake.check(TestStations.validator(), over);

    assertThat(batch.accepted()).isEmpty();
    assertThat(batch.rejections()).extracting(Rejection::reason)
        .containsExactly(RejectReason.RATE_LIMITED, RejectReason.RATE_LIMITED);
    assertThat(batch.rejections().get(0).message()).contains("station Dongsi publishes more than 1.0 records/s");
    assertThat(batch.rejections().get(0).payload()).contains("\"2026-05-01T10:00:00+08:00\"");
    assertThat(batch.rejections().get(0).stationId()).isEqualTo("Dongsi");

    now.addAndGet(1_000_000_000L); // one record back: a message of one goes through again
    List<ParsedRecord> one = message("Dongsi@10");
    assertThat(rate.apply(one, "Dongsi")).isSameAs(one);
  }

  @Test
  void onlyTheStationOverItsRateIsRefusedInAMessageOfSeveralStations() throws Exception {
    rate.apply(message("Dongsi@08", "Dongsi@09", "Dongsi@10"), "envmon/readings");

    List<ParsedRecord> mixed = rate.apply(message("Guanyuan@08", "Dongsi@11", "Guanyuan@09"), "envmon/readings");

    assertThat(mixed).extracting(ParsedRecord::reason).containsExactly(null, RejectReason.RATE_LIMITED, null);
  }

  @Test
  void anUnreadableRecordKeepsItsOwnReason() throws Exception {
    rate.apply(message("Dongsi@08", "Dongsi@09", "Dongsi@10"), "Dongsi");
    List<ParsedRecord> records = new JsonReadingParser(MqttIngest.SOURCE).parse(
        "[{\"station\":\"Dongsi\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T11:00:00+08:00\",\"value\":1},"
            + "{\"station\":\"Dongsi\"}]");

    assertThat(rate.apply(records, "Dongsi")).extracting(ParsedRecord::reason)
        .containsExactly(RejectReason.RATE_LIMITED, records.get(1).reason());
    assertThat(records.get(1).reason()).isNotNull().isNotEqualTo(RejectReason.RATE_LIMITED);
  }
}
