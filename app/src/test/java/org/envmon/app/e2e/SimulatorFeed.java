package org.envmon.app.e2e;

import java.io.PrintStream;
import org.envmon.app.runtime.ConsoleBar;
import org.envmon.app.runtime.Feed;
import org.envmon.app.runtime.FeedResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.envmon.ingest.core.DeadLetters;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.simulator.SimulatedReading;
import org.envmon.ingest.simulator.Simulator;
import org.envmon.ingest.simulator.SimulatorOptions;
import org.envmon.schemas.Reading;

/**
 * The station simulator published straight into Kafka (no ingest endpoints), for tests that need
 * every medium's data quickly; the demo itself feeds through the real ingest paths
 * ({@link org.envmon.app.runtime.IngestPathsFeed}). Simulated time runs ahead of the wall clock,
 * so the future-time check is relaxed to the end of the simulated run.
 */
final class SimulatorFeed implements Feed {
  private static final int BATCH = 500;
  private final SimulatorOptions options;

  SimulatorFeed(long seed, LocalDate start, int days, StationRegistry stations) {
    this.options = SimulatorOptions.defaults(List.copyOf(stations.all()))
        .withSeed(seed).withStart(start.atStartOfDay().toInstant(ZoneOffset.ofHours(8))).withDays(days);
  }

  @Override
  public String describe() {
    return String.format("the station simulator: %d stations, %d days from %s, seed %d",
        options.stations().size(), options.days(), options.start(), options.seed());
  }

  @Override
  public FeedResult run(Properties kafkaClientProperties, PrintStream out) throws Exception {
    Instant end = options.start().plus(Duration.ofDays(options.days()));
    Duration ahead = Duration.between(Instant.now(), end).plusHours(1);
    ReadingValidator validator = new ReadingValidator(new StationRegistry(options.stations()),
        Clock.systemUTC(), ahead.isNegative() ? Duration.ofHours(1) : ahead);
    long sent = 0;
    long rejected = 0;
    Instant last = options.start();
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(kafkaClientProperties);
         ProgressBar bar = new ProgressBarBuilder().setTaskName("simulate").setUnit(" h", 1)
             .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleBar(out))
             .setInitialMax(options.days() * 24L).build()) {
      List<Reading> batch = new ArrayList<>(BATCH);
      Iterator<SimulatedReading> readings = new Simulator(options).readings().iterator();
      while (readings.hasNext()) {
        SimulatedReading r = readings.next();
        ReadingValidator.Result result = validator.validate(r.candidate());
        if (result.isAccepted()) {
          batch.add(result.reading());
          last = result.reading().getObservedAt();
        } else {
          rejected++;
          publisher.deadLetter(DeadLetters.of(result.reason(), result.message(), Simulator.SOURCE, null,
              r.station().id(), r.candidate().toString(), Instant.now()));
        }
        if (batch.size() == BATCH) {
          publisher.publish(List.copyOf(batch)).get(60, TimeUnit.SECONDS);
          sent += batch.size();
          batch.clear();
          bar.stepTo(Duration.between(options.start(), last).toHours());
        }
      }
      publisher.publish(List.copyOf(batch)).get(60, TimeUnit.SECONDS);
      sent += batch.size();
      bar.stepTo(bar.getMax());
      publisher.endOfInput(last).get(60, TimeUnit.SECONDS);
    }
    return new FeedResult(sent, 0, rejected);
  }
}
