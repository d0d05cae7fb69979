package org.envmon.ingest.loadgen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.Sleeper;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.standards.Parameter;

/**
 * Benchmark load: synthetic stations sending minute data (or hourly means) through a
 * {@link ReadingPublisher} (the real Kafka one in a benchmark), at a target rate or as fast as
 * Kafka acknowledges, reporting the rate achieved. Readings bypass validation: the figure is the
 * pipeline's, not the parser's. Event time runs one period per round and ends at the round
 * holding the clock's instant (the current minute for minute data, the current hour for hourly means).
 */
public final class LoadGenerator {
  /** The {@code source} of generated readings. */
  public static final String SOURCE = "loadgen";
  /** Synthetic stations lie in central Beijing, district 东城, so downstream lookups find a district. */
  static final String DISTRICT = "东城";

  private final ReadingPublisher publisher;
  private final LoadOptions options;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  public LoadGenerator(ReadingPublisher publisher, LoadOptions options) {
    this(publisher, options, Clock.systemUTC(), System::nanoTime, Sleeper.SYSTEM);
  }

  /**
   * A load whose last round of event time holds {@code clock}'s instant (receipt times read it
   * too): a benchmark places the load's hour and day boundaries with it.
   */
  public LoadGenerator(ReadingPublisher publisher, LoadOptions options, Clock clock) {
    this(publisher, options, clock, System::nanoTime, Sleeper.SYSTEM);
  }

  LoadGenerator(ReadingPublisher publisher, LoadOptions options, Clock clock, LongSupplier nanoTime,
                Sleeper sleeper) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** Station id of synthetic station {@code index} (0-based). */
  public static String stationId(int index) {
    return String.format(java.util.Locale.ROOT, "load-%05d", index + 1);
  }

  /**
   * The synthetic stations, to publish to {@code envmon.stations} (StationPublisher) before a run
   * so the streams stage knows them; minute cadence.
   */
  public List<StationEntry> stations() {
    return IntStream.range(0, options.stations()).mapToObj(i -> new StationEntry(Station.newBuilder()
        .setId(stationId(i)).setName("load generator " + (i + 1)).setMedium(Medium.AIR).setDistrict(DISTRICT)
        .setLatitude(39.9 + (i % 100) * 0.001).setLongitude(116.4 + (i / 100 % 100) * 0.001).setCadenceSeconds(60)
        .build(), null, null, false)).toList();
  }

  /**
   * Runs the load and returns once every reading was acknowledged.
   *
   * @param progress called about once per second of wall time, on the calling thread
   * @throws IllegalStateException if Kafka refused readings or the thread was interrupted
   */
  public LoadResult run(Consumer<LoadProgress> progress) {
    Consumer<LoadProgress> report = progress == null ? p -> { } : progress;
    List<Parameter> parameters = options.parameters().stream().map(c -> Parameter.fromCode(c).orElseThrow()).toList();
    int perRound = options.readingsPerRound();
    // formatted once: String.format per reading was a third of the generator's CPU time
    String[] stationIds = IntStream.range(0, options.stations()).mapToObj(LoadGenerator::stationId)
        .toArray(String[]::new);
    Duration period = Duration.ofMinutes(options.periodMinutes());
    Instant firstRound = roundStart(clock.instant(), options.periodMinutes())
        .minus(period.multipliedBy(options.rounds() - 1));
    SplittableRandom random = new SplittableRandom(options.seed());
    Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    List<Reading> batch = new ArrayList<>(options.batchSize());
    Instant receivedAt = clock.instant();
    long started = nanoTime.getAsLong();
    long lastReport = started;
    long sent = 0;
    Instant eventTime = firstRound;
    int periodSeconds = (int) period.toSeconds();
    while (sent < options.readings()) {
      long round = sent / perRound;
      int inRound = (int) (sent % perRound);
      Parameter parameter = parameters.get(inRound % parameters.size());
      if (inRound == 0) {
        eventTime = firstRound.plus(period.multipliedBy(round)); // once a round, not per reading
      }
      batch.add(Reading.newBuilder().setStationId(stationIds[inRound / parameters.size()])
          .setParameter(parameter.code()).setMedium(Medium.AIR).setObservedAt(eventTime)
          .setPeriodSeconds(periodSeconds).setValue(typical(parameter) * (0.5 + random.nextDouble()))
          .setUnit(parameter.unit()).setSource(SOURCE).setReceivedAt(receivedAt).build());
      sent++;
      if (batch.size() == options.batchSize() || sent == options.readings()) {
        inFlight.add(publisher.publish(List.copyOf(batch)));
        batch.clear();
        while (inFlight.size() > options.maxInFlightBatches()) {
          await(inFlight.poll());
        }
        pace(started, sent);
        long now = nanoTime.getAsLong();
        if (now - lastReport >= 1_000_000_000L) {
          lastReport = now;
          report.accept(new LoadProgress(sent, options.readings(), Duration.ofNanos(now - started)));
        }
      }
    }
    inFlight.forEach(LoadGenerator::await);
    Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - started);
    report.accept(new LoadProgress(sent, options.readings(), elapsed));
    return new LoadResult(sent, elapsed, firstRound, eventTime);
  }

  /** Start of the round of {@code periodMinutes} holding {@code t} (rounds start at the hour; Beijing is UTC+8). */
  static Instant roundStart(Instant t, int periodMinutes) {
    Instant minute = t.truncatedTo(ChronoUnit.MINUTES);
    long minuteOfHour = minute.getEpochSecond() / 60 % 60;
    return minute.minus(Duration.ofMinutes(minuteOfHour % periodMinutes));
  }

  private void pace(long started, long sent) {
    if (Double.isInfinite(options.ratePerSecond())) {
      return;
    }
    long due = started + (long) (sent / options.ratePerSecond() * 1e9);
    long wait = due - nanoTime.getAsLong();
    if (wait > 0) {
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("load generator interrupted after " + sent + " readings", e);
      }
    }
  }

  private static void await(CompletableFuture<Void> ack) {
    try {
      ack.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("Kafka did not acknowledge generated readings: " + e.getCause()
          + " -- check the brokers and the producer settings", e.getCause());
    }
  }

  /** A plausible level, so the load does not trip every alert. */
  private static double typical(Parameter parameter) {
    return switch (parameter) {
      case CO -> 0.8;
      case SO2 -> 6;
      case O3 -> 80;
      case PM10 -> 60;
      default -> 35;
    };
  }
}
