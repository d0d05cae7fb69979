package org.envmon.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.RejectReason;
import org.junit.jupiter.api.Test;

class CsvReadingParserTest {
  private final CsvReadingParser parser = new CsvReadingParser("http");

  @Test
  void readsRowsByHeaderNameInAnyOrder() throws Exception {
    List<ParsedRecord> records = parser.parse("""
        time,station,parameter,value,unit,flag
        2026-05-01T08:00:00+08:00,Dongsi,PM2_5,35.2,ug/m3,N

        2026-05-01T09:00:00+08:00,Dongsi,PM2_5,36,,
        """);

    assertThat(records).extracting(ParsedRecord::candidate).containsExactly(
        new Candidate("Dongsi", "PM2_5", Instant.parse("2026-05-01T00:00:00Z"), "35.2", "ug/m3", "N", 3600, null, "http"),
        new Candidate("Dongsi", "PM2_5", Instant.parse("2026-05-01T01:00:00Z"), "36", null, null, 3600, null, "http"));
  }

  @Test
  void readsTheOptionalPeriodColumn() throws Exception {
    ParsedRecord r = parser.parse("station,parameter,time,value,unit,periodSeconds\n"
        + "Dongsi,NO2,2026-05-01T00:00:00Z,12,ug/m3,60\n").get(0);

    assertThat(r.candidate().periodSeconds()).isEqualTo(60);
  }

  @Test
  void refusesARowWithTheWrongNumberOfFields() throws Exception {
    List<ParsedRecord> records = parser.parse("station,parameter,time,value,unit\n"
        + "Dongsi,NO2,2026-05-01T00:00:00Z,12\n"
        + "Dongsi,NO2,2026-05-01T01:00:00Z,13,ug/m3\n");

    assertThat(records.get(0).reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(records.get(0).message()).isEqualTo("record 0 (line 2) has 4 fields but the header has 5");
    assertThat(records.get(0).raw()).isEqualTo("Dongsi,NO2,2026-05-01T00:00:00Z,12");
    assertThat(records.get(1).isReadable()).isTrue();
  }

  @Test
  void refusesAHeaderWithoutTheRequiredColumns() {
    assertThatThrownBy(() -> parser.parse("station,parameter,value\nDongsi,NO2,12\n"))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageStartingWith("CSV header lacks [time, unit]");
  }
}
