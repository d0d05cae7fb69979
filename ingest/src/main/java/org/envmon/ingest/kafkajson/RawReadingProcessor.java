package org.envmon.ingest.kafkajson;

import java.time.Clock;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.envmon.ingest.core.DeadLetters;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.json.CheckedBatch;
import org.envmon.ingest.json.JsonReadingParser;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.Rejection;
import org.envmon.ingest.json.UnreadableInputException;
import org.envmon.schemas.Reading;

/**
 * Parses and validates one raw record (a JSON reading or an array of them) and forwards each
 * accepted reading, keyed by station, to the readings sink and each refused record to the DLQ
 * sink with its coordinates {@code topic-partition@offset} (plus {@code #index} inside an array).
 */
final class RawReadingProcessor implements Processor<String, String, String, SpecificRecord> {
  private final ReadingValidator validator;
  private final IngestCounters counters;
  private final Clock clock;
  private final JsonReadingParser parser = new JsonReadingParser(RawReadingTopology.SOURCE);
  private ProcessorContext<String, SpecificRecord> context;

  RawReadingProcessor(ReadingValidator validator, IngestCounters counters, Clock clock) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, String> record) {
    String coordinates = context.recordMetadata()
        .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("unknown");
    CheckedBatch batch = check(record.value());
    for (Reading reading : batch.accepted()) {
      context.forward(record.withKey(reading.getStationId()).withValue(reading), RawReadingTopology.READINGS_SINK);
    }
    counters.accepted(RawReadingTopology.SOURCE, batch.accepted().size());
    boolean single = batch.size() == 1;
    for (Rejection r : batch.rejections()) {
      String address = single || r.index() < 0 ? coordinates : coordinates + "#" + r.index();
      context.forward(record.withKey(r.stationId()).withValue(DeadLetters.of(r.reason(), r.message(),
          RawReadingTopology.SOURCE, address, r.stationId(), r.payload(), clock.instant())), RawReadingTopology.DLQ_SINK);
      counters.rejected(RawReadingTopology.SOURCE, r.reason());
    }
  }

  private CheckedBatch check(String value) {
    if (value == null) {
      return CheckedBatch.unreadable(new Rejection(-1, RejectReason.MALFORMED,
          "record has no value (a tombstone); expected a JSON reading or an array of them", null, ""));
    }
    try {
      return ReadingIntake.check(validator, parser.parse(value));
    } catch (UnreadableInputException e) {
      return CheckedBatch.unreadable(new Rejection(-1, RejectReason.MALFORMED, e.getMessage(), null, value));
    }
  }
}
