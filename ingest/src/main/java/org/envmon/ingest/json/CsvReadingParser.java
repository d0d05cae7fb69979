package org.envmon.ingest.json;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.envmon.ingest.core.RejectReason;

/**
 * Reads readings from CSV with a header line: {@code station,parameter,time,value,unit} required
 * (in any order), {@code flag}, {@code periodSeconds} and {@code sampleMinutes} optional. Fields
 * mean what they mean in the JSON format. Thread-safe.
 */
public final class CsvReadingParser {
  private static final List<String> REQUIRED = List.of("station", "parameter", "time", "value", "unit");
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

  private final String source;

  public CsvReadingParser(String source) {
    this.source = source;
  }

  /**
   * One parsed record per data line, indexed from 0 (the header is not counted).
   *
   * @throws UnreadableInputException when the header lacks a required column or the CSV is broken
   */
  public List<ParsedRecord> parse(String text) throws UnreadableInputException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> missing = REQUIRED.stream().filter(c -> header == null || !header.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new UnreadableInputException("CSV header lacks " + missing + "; the first line must name the "
            + "columns station,parameter,time,value,unit[,flag][,periodSeconds][,sampleMinutes]");
      }
      List<ParsedRecord> records = new ArrayList<>();
      int index = 0;
      for (CSVRecord row : parser) {
        records.add(record(index++, row, header.size()));
      }
      return records;
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new UnreadableInputException("CSV cannot be read: " + e.getMessage());
    } catch (IOException e) {
      throw new UnreadableInputException("CSV cannot be read: " + e.getMessage());
    }
  }

  private ParsedRecord record(int index, CSVRecord row, int headerSize) {
    String raw = String.join(",", row.values());
    if (!row.isConsistent()) {
      return ParsedRecord.unreadable(index, null, RejectReason.MALFORMED, "record " + index + " (line "
          + (row.getRecordNumber() + 1) + ") has " + row.size() + " fields but the header has "
          + headerSize, raw);
    }
    ReadingFields fields = new ReadingFields(get(row, "station"), get(row, "parameter"), get(row, "time"),
        get(row, "value"), get(row, "unit"), get(row, "flag"), get(row, "periodSeconds"),
        get(row, "sampleMinutes"));
    return fields.toParsed(index, source, raw);
  }

  private static String get(CSVRecord row, String column) {
    return row.isMapped(column) && row.isSet(column) ? row.get(column) : null;
  }
}
