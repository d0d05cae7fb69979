package org.envmon.ingest.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.envmon.ingest.core.DeadLetters;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.Sleeper;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.schemas.Reading;
import org.envmon.standards.BeijingZone;

/**
 * Replays CSV files (UCI Beijing multi-site layout or the generic layout, plain or .gz) through
 * the same validation and publisher as every live feed: lines of all files are merged by event
 * time, each value is validated, accepted readings are published in batches, everything else goes
 * to the DLQ with its reason and {@code file:line}. Not thread-safe: one replay per instance at a time.
 */
public final class Replayer {
  /** The {@code source} of replayed readings and DLQ records. */
  public static final String SOURCE = "replay";

  private final StationDirectory stations;
  private final ReadingValidator validator;
  private final ReadingPublisher publisher;
  private final IngestCounters counters;
  private final ReplayOptions options;
  private final Clock clock;
  private final Sleeper sleeper;

  public Replayer(StationDirectory stations, ReadingPublisher publisher, IngestCounters counters,
                  ReplayOptions options) {
    this(stations, publisher, counters, options, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  Replayer(StationDirectory stations, ReadingPublisher publisher, IngestCounters counters, ReplayOptions options,
           Clock clock, Sleeper sleeper) {
    this.stations = Objects.requireNonNull(stations, "stations");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    // Historical data is never in the future; a generous bound still catches wrong offsets in live exports.
    this.validator = new ReadingValidator(stations, clock, Duration.ofHours(1));
  }

  /**
   * The files a replay of these paths reads: files as given, directories expanded to their
   * {@code *.csv} and {@code *.csv.gz} files in name order.
   */
  public static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> listing = Files.list(input)) {
          listing.filter(p -> Files.isRegularFile(p) && isCsv(p.getFileName().toString())).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list replay directory " + input + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new IllegalArgumentException("replay input " + input + " does not exist");
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .csv or .csv.gz files in " + inputs);
    }
    return files;
  }

  private static boolean isCsv(String name) {
    return name.endsWith(".csv") || name.endsWith(".csv.gz");
  }

  /**
   * Replays the files (directories are expanded) and returns once Kafka acknowledged everything.
   *
   * @param progress called every {@link ReplayOptions#progressEveryLines()} lines and at the end,
   *     on the calling thread
   * @throws ReplayException if Kafka refused data or the thread was interrupted; carries the counts so far
   * @throws IllegalArgumentException if an input is missing or a file's header is not a known layout
   */
  public ReplayResult replay(List<Path> inputs, Consumer<ReplayProgress> progress) {
    List<Path> files = expand(inputs);
    Run run = new Run(files.size(), progress);
    List<ReplayFileReader> readers = new ArrayList<>();
    try {
      long totalBytes = 0;
      for (Path file : files) {
        readers.add(ReplayFileReader.open(file));
        totalBytes += Files.size(file);
      }
      run.totalBytes = totalBytes;
      run.readers = readers;
      run.execute(new TimeOrderedMerge(readers));
      return run.result();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read replay input: " + e.getMessage(), e);
    } finally {
      readers.forEach(ReplayFileReader::close);
    }
  }

  /** The state of one replay. */
  private final class Run {
    private final int files;
    private final Consumer<ReplayProgress> progress;
    private final Instant started = clock.instant();
    private final List<Reading> batch = new ArrayList<>();
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    private List<ReplayFileReader> readers = List.of();
    private long totalBytes;
    private long linesRead;
    private long readingsSent;
    private long missingValues;
    private long outOfRangeLines;
    private Instant eventTime;
    private Instant firstEventTime;
    private Instant lastEventTime;
    private Instant paceOrigin;

    Run(int files, Consumer<ReplayProgress> progress) {
      this.files = files;
      this.progress = progress == null ? p -> { } : progress;
    }

    void execute(TimeOrderedMerge lines) {
      while (lines.hasNext()) {
        ReplayLine line = lines.next();
        linesRead++;
        eventTime = line.time();
        if (line instanceof ReplayLine.Parsed parsed) {
          accept(parsed);
        } else if (line instanceof ReplayLine.Malformed malformed) {
          deadLetter(RejectReason.MALFORMED, malformed.reason() + " at " + malformed.address(), malformed, null);
        }
        if (linesRead % options.progressEveryLines() == 0) {
          progress.accept(snapshot());
        }
      }
      flush();
      awaitInFlight(0);
      if (options.endOfInput() && lastEventTime != null) {
        await(publisher.endOfInput(lastEventTime));
      }
      progress.accept(snapshot());
    }

    private void accept(ReplayLine.Parsed line) {
      if (!options.includes(line.time().atOffset(BeijingZone.OFFSET).toLocalDate())) {
        outOfRangeLines++;
        return;
      }
      // Checked per line, not per value, so a file of a station missing from the registry gives
      // one DLQ record per line rather than one per pollutant.
      if (stations.byId(line.stationId()).isEmpty()) {
        deadLetter(RejectReason.UNKNOWN_STATION, "station '" + line.stationId() + "' is not in the station registry;"
            + " add it to stations.yaml or fix the file (" + line.address() + ")", line, line.stationId());
        return;
      }
      missingValues += line.missingValues();
      pace(line.time());
      if (firstEventTime == null || line.time().isBefore(firstEventTime)) {
        firstEventTime = line.time();
      }
      if (lastEventTime == null || line.time().isAfter(lastEventTime)) {
        lastEventTime = line.time();
      }
      for (ReadingValidator.Candidate candidate : line.candidates()) {
        ReadingValidator.Result result = validator.validate(candidate);
        if (result.isAccepted()) {
          batch.add(result.reading());
          if (batch.size() >= options.batchSize()) {
            flush();
          }
        } else {
          deadLetter(result.reason(), result.message() + " (" + candidate.parameter() + " at " + line.address() + ")",
              line, line.stationId());
        }
      }
    }

    private void pace(Instant at) {
      if (options.pacing().unlimited()) {
        return;
      }
      if (paceOrigin == null) {
        paceOrigin = at;
        return;
      }
      Duration simulated = Duration.between(paceOrigin, at);
      if (simulated.isNegative()) {
        return;
      }
      Instant due = started.plus(options.pacing().wallTimeFor(simulated));
      Duration wait = Duration.between(clock.instant(), due);
      if (!wait.isNegative() && !wait.isZero()) {
        flush(); // what is due now goes out before the pause
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ReplayException("replay interrupted at event time " + at, e, result());
        }
      }
    }

    private void deadLetter(RejectReason reason, String message, ReplayLine line, String stationId) {
      inFlight.add(publisher.deadLetter(DeadLetters.of(reason, message, SOURCE, line.address(), stationId, line.raw(),
          clock.instant())));
      rejected.merge(reason, 1L, Long::sum);
      counters.rejected(SOURCE, reason);
      awaitInFlight(options.maxInFlightBatches());
    }

    private void flush() {
      if (batch.isEmpty()) {
        return;
      }
      inFlight.add(publisher.publish(List.copyOf(batch)));
      readingsSent += batch.size();
      counters.accepted(SOURCE, batch.size());
      batch.clear();
      awaitInFlight(options.maxInFlightBatches());
    }

    private void awaitInFlight(int limit) {
      while (inFlight.size() > limit) {
        await(inFlight.poll());
      }
    }

    private void await(CompletableFuture<Void> ack) {
      try {
        ack.join();
      } catch (CompletionException | CancellationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new ReplayException("Kafka did not acknowledge replayed data (" + cause + "); the replay stopped at"
            + " event time " + eventTime + " -- check that the brokers are reachable, then replay again from"
            + " --from " + (eventTime == null ? "the start" : eventTime.atOffset(BeijingZone.OFFSET).toLocalDate()),
            cause, result());
      }
    }

    ReplayProgress snapshot() {
      long bytes = readers.stream().mapToLong(ReplayFileReader::bytesRead).sum();
      long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
      return new ReplayProgress(linesRead, readingsSent, missingValues, outOfRangeLines, rejectedTotal, bytes,
          totalBytes, eventTime);
    }

    ReplayResult result() {
      return new ReplayResult(files, linesRead, readingsSent, missingValues, outOfRangeLines, rejected, firstEventTime,
          lastEventTime, Duration.between(started, clock.instant()));
    }
  }
}
