package org.envmon.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.json.CheckedBatch;
import org.envmon.ingest.json.CsvReadingParser;
import org.envmon.ingest.json.JsonReadingParser;
import org.envmon.ingest.json.ParsedRecord;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.Rejection;
import org.envmon.ingest.json.TestStations;
import org.envmon.ingest.json.UnreadableInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile JSON and CSV bodies (mutants of valid ones, deep nesting, long strings and numbers,
 * noise): each is either rejected as a whole with {@link UnreadableInputException} and a message,
 * or parsed into records that validation accepts or rejects each with a reason and a message.
 * Nothing else may be thrown and no batch may hang.
 */
@ExtendWith(QuietLogs.class)
class ReadingParsersFuzzTest {
  private static final long SEED = 20_260_502L;
  private static final int BATCHES = 20;
  private static final int PER_BATCH = 1_000;
  private static final Duration BATCH_LIMIT = Duration.ofSeconds(10);

  private final ReadingValidator validator = TestStations.validator();

  /** What one parser made of one input. */
  private interface Parser {
    List<ParsedRecord> parse(String text) throws UnreadableInputException;
  }

  @Test
  void jsonBodiesAreParsedOrRejectedWithAReason() {
    JsonReadingParser json = new JsonReadingParser("fuzz");
    int[] outcome = fuzz("JSON", json::parse, ReadingBodies.JSON, new Mutator(SEED), m -> switch (m.nextInt(5)) {
      case 0 -> ReadingBodies.deeplyNested(1 + m.nextInt(m.chance(0.2) ? 50_000 : 600), m.chance(0.5));
      case 1 -> ReadingBodies.longField(m.pick(List.of("station", "parameter", "time", "value", "unit", "flag")),
          m.nextInt(m.chance(0.1) ? 400_000 : 5_000), m.chance(0.5) ? 'x' : '\u57ce');
      case 2 -> ReadingBodies.longNumber(1 + m.nextInt(m.chance(0.2) ? 5_000 : 400),
          m.pick(List.of("", "e999999999", "e-400", ".5e308", "E+0")));
      default -> m.randomBytes(300);
    });
    assertThat(outcome[0]).as("accepted readings").isPositive();
    assertThat(outcome[1]).as("rejections").isPositive();
  }

  @Test
  void csvBodiesAreParsedOrRejectedWithAReason() {
    CsvReadingParser csv = new CsvReadingParser("fuzz");
    int[] outcome = fuzz("CSV", csv::parse, ReadingBodies.CSV, new Mutator(SEED + 1), m -> switch (m.nextInt(4)) {
      case 0 -> ReadingBodies.manyRows(1 + m.nextInt(m.chance(0.1) ? 1_000 : 50), m);
      case 1 -> Mutator.concat("station,parameter,time,value,unit\n\"".getBytes(StandardCharsets.UTF_8),
          "x".repeat(m.nextInt(20_000)).getBytes(StandardCharsets.UTF_8)); // an unterminated quote
      default -> m.randomBytes(300);
    });
    assertThat(outcome[0]).as("accepted readings").isPositive();
    assertThat(outcome[1]).as("rejections").isPositive();
  }

  /** A generator of structurally hostile inputs, used for one input in ten. */
  private interface Shape {
    byte[] make(Mutator m);
  }

  private int[] fuzz(String format, Parser parser, List<byte[]> seeds, Mutator m, Shape shapes) {
    int[] outcome = new int[3]; // accepted, rejected records, unreadable bodies
    for (int b = 0; b < BATCHES; b++) {
      int batch = b;
      assertTimeoutPreemptively(BATCH_LIMIT, () -> {
        for (int i = 0; i < PER_BATCH; i++) {
          byte[] input = m.chance(0.1) ? shapes.make(m) : m.chance(0.05) ? m.pick(seeds) : m.mutate(m.pick(seeds), seeds);
          check(parser, new String(input, StandardCharsets.UTF_8), outcome,
              format + " batch " + batch + " input " + i + " (seed " + SEED + ")");
        }
      }, () -> format + " batch " + batch + " did not finish within " + BATCH_LIMIT);
    }
    System.out.printf(Locale.ROOT, "%s fuzz: %d bodies, %d readings accepted, %d records rejected, %d bodies unreadable%n",
        format, BATCHES * PER_BATCH, outcome[0], outcome[1], outcome[2]);
    return outcome;
  }

  private void check(Parser parser, String text, int[] outcome, String where) {
    List<ParsedRecord> records;
    try {
      records = parser.parse(text);
    } catch (UnreadableInputException e) {
      assertThat(e.getMessage()).as(where).isNotBlank();
      outcome[2]++;
      return;
    }
    for (int i = 0; i < records.size(); i++) {
      ParsedRecord r = records.get(i);
      assertThat(r.index()).as(where).isEqualTo(i);
      if (!r.isReadable()) {
        assertThat(r.reason()).as(where).isNotNull();
        assertThat(r.message()).as(where).isNotBlank();
      }
    }
    CheckedBatch batch = ReadingIntake.check(validator, records);
    assertThat(batch.size()).as("every record accounted for at %s", where).isEqualTo(records.size());
    for (Rejection r : batch.rejections()) {
      assertThat(r.reason()).as(where).isNotNull();
      assertThat(r.message()).as(where).isNotBlank();
      assertThat(r.payload()).as(where).isNotNull();
    }
    outcome[0] += batch.accepted().size();
    outcome[1] += batch.rejections().size();
  }
}
