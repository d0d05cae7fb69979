package org.envmon.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.RejectReason;
import org.junit.jupiter.api.Test;

class JsonReadingParserTest {
  private final JsonReadingParser parser = new JsonReadingParser("http");

  @Test
  void readsOneObjectWithEveryField() throws Exception {
    List<ParsedRecord> records = parser.parse("""
        {"station":"Dongsi","parameter":"PM2_5","time":"2026-05-01T08:00:00+08:00","value":35.2,
         "unit":"ug/m3","flag":"N","periodSeconds":3600,"sampleMinutes":50}""");

    assertThat(records).hasSize(1);
    assertThat(records.get(0).candidate()).isEqualTo(new Candidate("Dongsi", "PM2_5",
        Instant.parse("2026-05-01T00:00:00Z"), "35.2", "ug/m3", "N", 3600, 50, "http"));
  }

  @Test
  void readsAnArrayInOrderWithDefaultsAndEpochMillis() throws Exception {
    List<ParsedRecord> records = parser.parse("""
        [{"station":"Dongsi","parameter":"NO2","time":"2026-05-01T00:00:00Z","value":"41"},
         {"station":"Dongsi","parameter":"CO","time":1777593600000,"value":0.6,"extra":"ignored"}]""");

    assertThat(records).extracting(ParsedRecord::candidate).containsExactly(
        new Candidate("Dongsi", "NO2", Instant.parse("2026-05-01T00:00:00Z"), "41", null, null, 3600, null, "http"),
        new Candidate("Dongsi", "CO", Instant.ofEpochMilli(1777593600000L), "0.6", null, null, 3600, null, "http"));
  }

  @Test
  void refusesATimeWithoutOffsetSayingHowToFixIt() throws Exception {
    ParsedRecord r = parser.parse("""
        {"station":"Dongsi","parameter":"PM10","time":"2026-05-01T08:00:00","value":1}""").get(0);

    assertThat(r.isReadable()).isFalse();
    assertThat(r.reason()).isEqualTo(RejectReason.BAD_TIME);
    assertThat(r.stationId()).isEqualTo("Dongsi");
    assertThat(r.message()).isEqualTo("record 0: time '2026-05-01T08:00:00' has no UTC offset; add one, "
        + "e.g. '2026-05-01T08:00:00+08:00' for Beijing time");
  }

  @Test
  void refusesEachBrokenRecordAloneWithItsIndex() throws Exception {
    List<ParsedRecord> records = parser.parse("""
        [42,
         {"parameter":"PM10","time":"2026-05-01T00:00:00Z","value":1},
         {"station":"Dongsi","time":"2026-05-01T00:00:00Z","value":1},
         {"station":"Dongsi","parameter":"PM10","time":"2026-05-01T00:00:00Z"},
         {"station":"Dongsi","parameter":"PM10","time":"yesterday","value":1},
         {"station":"Dongsi","parameter":"PM10","time":"2026-05-01T00:00:00Z","value":1,"periodSeconds":0},
         {"station":"Dongsi","parameter":"PM10","time":"2026-05-01T00:00:00Z","value":1}]""");

    assertThat(records).extracting(ParsedRecord::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(records).extracting(ParsedRecord::reason).containsExactly(RejectReason.MALFORMED,
        RejectReason.MALFORMED, RejectReason.MALFORMED, RejectReason.NOT_A_NUMBER, RejectReason.BAD_TIME,
        RejectReason.MALFORMED, null);
    assertThat(records.get(0).message()).isEqualTo("record 0 is not a JSON object");
    assertThat(records.get(0).raw()).isEqualTo("42");
    assertThat(records.get(1).message()).startsWith("record 1 has no 'station'");
    assertThat(records.get(2).message()).startsWith("record 2 has no 'parameter'");
    assertThat(records.get(4).message()).startsWith("record 4: time 'yesterday' is not ISO-8601");
    assertThat(records.get(5).message()).startsWith("record 5: 'periodSeconds' must be a positive");
  }

  @Test
  void refusesABodyThatIsNotAReadingOrArray() {
    assertThatThrownBy(() -> parser.parse("{\"station\":")).isInstanceOf(UnreadableInputException.class)
        .hasMessageStartingWith("body is not valid JSON");
    assertThatThrownBy(() -> parser.parse("\"Dongsi\"")).isInstanceOf(UnreadableInputException.class)
        .hasMessage("body is a JSON string; expected a reading object or an array of them");
    assertThatThrownBy(() -> parser.parse(" [ ] ")).isInstanceOf(UnreadableInputException.class)
        .hasMessage("the array holds no readings");
    assertThatThrownBy(() -> parser.parse("")).isInstanceOf(UnreadableInputException.class)
        .hasMessage("body is empty; expected a reading object or an array of them");
  }
}
