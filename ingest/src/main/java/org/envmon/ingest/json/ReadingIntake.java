package org.envmon.ingest.json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.core.DeadLetters;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.schemas.Reading;

/**
 * The step every text ingest path shares after parsing: validate each record, then publish the
 * accepted readings and dead-letter the rejected records, counting both once Kafka has them.
 * Thread-safe if the validator, publisher and counters are.
 */
public final class ReadingIntake {
  private final ReadingValidator validator;
  private final ReadingPublisher publisher;
  private final IngestCounters counters;
  private final Clock clock;

  public ReadingIntake(ReadingValidator validator, ReadingPublisher publisher, IngestCounters counters,
                       Clock clock) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Validates every record; nothing is published yet. */
  public static CheckedBatch check(ReadingValidator validator, List<ParsedRecord> records) {
    List<Reading> accepted = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (ParsedRecord r : records) {
      if (!r.isReadable()) {
        rejections.add(new Rejection(r.index(), r.reason(), r.message(), r.stationId(), r.raw()));
        continue;
      }
      ReadingValidator.Result result = validator.validate(r.candidate());
      if (result.isAccepted()) {
        accepted.add(result.reading());
      } else {
        rejections.add(new Rejection(r.index(), result.reason(), "record " + r.index() + ": " + result.message(),
            r.stationId(), r.raw()));
      }
    }
    return new CheckedBatch(accepted, rejections);
  }

  public CheckedBatch check(List<ParsedRecord> records) {
    return check(validator, records);
  }

  /**
   * Publishes the accepted readings and one DLQ record per rejection. The future completes when
   * Kafka acknowledged all of them and fails if it did not take any one of them.
   *
   * @param source        ingest path, e.g. http
   * @param sourceAddress where the batch came from (remote address, MQTT topic), for the DLQ
   */
  public CompletableFuture<Void> publish(CheckedBatch batch, String source, String sourceAddress) {
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    acks.add(publisher.publish(batch.accepted()));
    for (Rejection r : batch.rejections()) {
      acks.add(publisher.deadLetter(DeadLetters.of(r.reason(), r.message(), source, sourceAddress,
          r.stationId(), r.payload(), clock.instant())));
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenRun(() -> {
      counters.accepted(source, batch.accepted().size());
      batch.rejections().forEach(r -> counters.rejected(source, r.reason()));
    });
  }
}
