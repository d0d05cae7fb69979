package org.envmon.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.loadgen.LoadGenerator;
import org.envmon.ingest.loadgen.LoadOptions;
import org.envmon.ingest.loadgen.LoadResult;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code envmon bench}: measures envmon against baselines on an embedded broker of its own and
 * prints one line per figure, a verdict per floor of issue #7 and a {@code BENCH {json}} line.
 * See docs/benchmarks.md for the method and recorded results.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark envmon on an embedded Kafka broker of its own: raw passthrough baseline, pipeline",
        "throughput with exactly-once, reading->alert latency at half load, InfluxDB sink vs raw POST,",
        "optionally the full Beijing replay; memory figures; a final machine-readable BENCH {json} line."})
public final class BenchCommand implements Callable<Integer> {
  /** Prefix of the stations of the half-load run, so their clocks start fresh. */
  static final String HALF_LOAD_PREFIX = "half-";
  private static final int HOURS_PER_DAY = 24;

  @Option(names = "--stations", defaultValue = "1000", description = "Synthetic stations, each sending the six air pollutants every minute (default: ${DEFAULT-VALUE}).")
  int stations;

  @Option(names = "--readings", defaultValue = "1200000", description = "Readings of the throughput backlog timed after the warm-up (default: ${DEFAULT-VALUE}: 200 minutes of 1 000 stations).")
  long readings;

  @Option(names = "--warmup", defaultValue = "1500000", description = "Readings the baseline and the pipeline each work through before timing starts, so the JIT compiler has done most of its work (default: ${DEFAULT-VALUE}).")
  long warmup;

  @Option(names = "--warmup-days", defaultValue = "7", description = "Days of hourly means the backlog's stations send before it, untimed like --warmup: a service that has run for days has compiled what a day's change takes (a new day's first values, a day's close), and the backlog alone passes one close (default: ${DEFAULT-VALUE}; 0 for none).")
  int warmupDays;

  @Option(names = "--partitions", defaultValue = "" + BrokerOptions.DEFAULT_PARTITIONS,
      description = "Partitions of the envmon topics, as envmon creates them (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--threads", defaultValue = "2", description = "Kafka Streams threads (default: ${DEFAULT-VALUE}, as envmon's streams.num.threads).")
  int threads;

  @Option(names = "--commit-interval", defaultValue = "PT0.05S", description = "Streams commit interval of the pipeline and latency phases: each exactly-once commit is a transaction, and results become visible only then (default: ${DEFAULT-VALUE}, the setting envmon recommends for live alerting; Kafka's own default under exactly-once is 100 ms).")
  Duration commitInterval;

  @Option(names = "--streams-config", paramLabel = "KEY=VALUE",
      description = "A Kafka Streams or client setting for the pipeline and latency phases, passed as given "
          + "(repeatable; e.g. producer.linger.ms=20), after envmon's own; printed with the pipeline line.")
  Map<String, String> streamsConfig = new LinkedHashMap<>();

  @Option(names = "--latency-load", defaultValue = "0.5", description = "Load while probing the latency, as a share of the measured pipeline rate; the floor is judged at 0.5 only (default: ${DEFAULT-VALUE}).")
  double latencyLoad;

  @Option(names = "--print-probes", description = "Print every latency probe: when it was sent and its latencies (to see whether slow probes cluster).")
  boolean printProbes;

  @Option(names = "--latency-warmup", defaultValue = "PT60S", description = "Half load before the timed probes start, so the JIT has compiled the live path as --warmup does for the throughput; its last --latency-warmup-probes x --probe-interval send untimed probes (default: ${DEFAULT-VALUE}).")
  Duration latencyWarmup;

  @Option(names = "--latency-warmup-probes", defaultValue = "100", description = "Untimed probes at the end of the latency warm-up: the load never raises an alert, so they have the JIT compile the alert path (default: ${DEFAULT-VALUE}).")
  int warmupProbes;

  @Option(names = "--latency-probes", defaultValue = "200", description = "Probes of the reading->alert latency (default: ${DEFAULT-VALUE}).")
  int probes;

  @Option(names = "--probe-interval", defaultValue = "PT0.1S", description = "Time between probes (default: ${DEFAULT-VALUE}).")
  Duration probeInterval;

  @Option(names = "--hour-close-days", defaultValue = "0", description = "Also time hour closes on their own: the --stations send hourly means, every round closing an hour of each, for "
      + HourCloseCost.WARMUP_DAYS + " untimed days and then this many timed ones, on a broker of their own; prints station-hours closed per second and the stream threads' CPU per station-hour (default: ${DEFAULT-VALUE}, skipped; 4 takes about a minute).")
  int hourCloseDays;

  @Option(names = "--influx-url", description = "InfluxDB 1.x API to benchmark the sink against; default: start influxd from the PATH on a free port in a temporary directory.")
  String influxUrl;

  @Option(names = "--sink-points", defaultValue = "300000", description = "Points written by each sink path (default: ${DEFAULT-VALUE}).")
  int sinkPoints;

  @Option(names = "--sink-batch", defaultValue = "5000", description = "Points per write, both paths (default: ${DEFAULT-VALUE}).")
  int sinkBatch;

  @Option(names = "--no-sink", description = "Skip the InfluxDB sink figure.")
  boolean noSink;

  @Option(names = "--replay", description = "Also replay the full Beijing dataset end to end into InfluxDB (takes minutes).")
  boolean replay;

  @Option(names = "--replay-timeout", defaultValue = "PT5M", description = "With --replay: give up once the feed is done and the pipeline has not finished after this long; the wall time is then reported as not met (default: ${DEFAULT-VALUE}).")
  Duration replayTimeout;

  @Option(names = "--replay-commit-interval", defaultValue = "PT1S", description = "With --replay: the streams commit interval of the replay, a bulk load (default: ${DEFAULT-VALUE}, envmon's streams.commit.interval.ms default; the throughput and latency figures use --commit-interval).")
  Duration replayCommitInterval;

  @Option(names = "--data", description = "Beijing Multi-Site CSV directory for --replay (default: ../shared/data/beijing-multisite next to the repository).")
  Path data;

  @Option(names = "--stations-file", defaultValue = "config/stations.yaml", description = "Station registry for --replay (default: ${DEFAULT-VALUE}).")
  Path stationsFile;

  @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up a phase after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  private final PrintStream out;

  public BenchCommand() {
    this(System.out);
  }

  /** Prints the figures to {@code out} instead of standard output. */
  BenchCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the bench without the envmon CLI, e.g. {@code java -cp "app/target/classes:app/target/lib/*" org.envmon.app.bench.BenchCommand}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    validate();
    BenchReport report = new BenchReport(out);
    machine(report, "start");
    try (HeapPeak heap = HeapPeak.start()) {
      kafkaFigures(report);
      hourCloses(report);
      influxFigures(report);
      memory(report, heap);
    }
    machine(report, "end");
    report.finish(Floor.ISSUE_7);
    return 0;
  }

  /** Backlog, raw baseline, pipeline throughput and latency, on a broker of the bench's own. */
  private void kafkaFigures(BenchReport report) throws InterruptedException {
    try (BenchDirectory dir = BenchDirectory.create("envmon-bench-");
         EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(BrokerOptions.builder()
             .dataDir(dir.path().resolve("kafka")).brokerPort(0).controllerPort(0)
             .defaultPartitions(partitions).build())) {
      String bootstrap = kafka.bootstrapServers();
      out.printf("bench: embedded Kafka at %s, %d partitions, data in %s%n", bootstrap, partitions, dir.path());
      List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
      topics.add(BenchTopics.PASSTHROUGH);
      kafka.createTopics(topics, partitions);
      LoadOptions load = new LoadOptions(stations, LoadOptions.AIR, warmup + readings, Double.POSITIVE_INFINITY, 1000,
          32, 1L, LoadOptions.MINUTE);
      publishStations(bootstrap, load);

      // a day's close in the untimed warm-up, so the JIT compiles it too
      Instant backlogEnd = LoadTiming.lastMinute(Instant.now(), load.rounds(),
          LoadTiming.midnightMinuteForClose(warmup / 2 / load.readingsPerRound(), PipelineStreams.GRACE));
      long untimed = warmup + produceWarmupDays(bootstrap, load, backlogEnd, out);
      out.printf("bench: producing the backlog: %,d readings (%d stations x %d pollutants, minute data); "
          + "the first %,d warm up the JIT (every station closes a day half-way through them) and are not timed%n",
          warmup + readings, stations, LoadOptions.AIR.size(), warmup);
      LoadResult backlog = produce(bootstrap, load, null, "backlog", Clock.fixed(backlogEnd, ZoneOffset.UTC), out);
      report.add(new Figure(BenchKeys.PRELOAD_RATE, "ingest producer (loadgen)", backlog.achievedRate(),
          "readings/s", "KafkaReadingPublisher, acks=all"));

      out.println("bench: raw baseline: plain consumer -> producer copy of envmon.readings");
      Throughput baseline = new PassthroughBaseline(bootstrap).run(untimed, readings, timeout, out);
      report.add(new Figure(BenchKeys.BASELINE_RATE, "raw passthrough baseline", baseline.perSecond(),
          "readings/s", String.format(Locale.ROOT, "%,d in %.1f s, Avro serdes, no transactions",
              baseline.records(), baseline.seconds())));
      report.add(new Figure(BenchKeys.BASELINE_CPU, "raw baseline CPU per reading", baseline.cpuMicrosPerRecord(),
          "us", "whole process: broker and clients"));

      out.printf("bench: pipeline: the envmon topology, exactly_once_v2, %d thread(s), commit every %d ms%s%n",
          threads, commitInterval.toMillis(), streamsConfig.isEmpty() ? "" : ", with " + streamsConfig);
      try (PipelineStreams streams = PipelineStreams.start(bootstrap, dir.path().resolve("streams"),
          commitInterval, threads, streamsConfig, timeout)) {
        Throughput pipeline = PipelineThroughput.measure(streams, untimed, readings, timeout, out);
        report.add(new Figure(BenchKeys.PIPELINE_RATE, "pipeline throughput (EOS)", pipeline.perSecond(),
            "readings/s", String.format(Locale.ROOT, "%,d in %.1f s", pipeline.records(), pipeline.seconds())));
        report.add(new Figure(BenchKeys.PIPELINE_CPU, "pipeline CPU per reading", pipeline.cpuMicrosPerRecord(),
            "us", "whole process: broker, streams, JIT"));
        report.add(new Figure(BenchKeys.PIPELINE_RATIO, "pipeline / raw baseline",
            pipeline.perSecond() / baseline.perSecond(), "", ""));
        latency(report, bootstrap, load, pipeline.perSecond() * latencyLoad, out);
        report.add(new Figure(BenchKeys.COMMIT_LATENCY_AVG, "streams commit latency avg",
            streams.threadMetric("commit-latency-avg"), "ms", "per stream thread, last 30 s"));
        report.add(new Figure(BenchKeys.COMMIT_LATENCY_MAX, "streams commit latency max",
            streams.threadMetric("commit-latency-max"), "ms", "per stream thread, last 30 s"));
      }
    }
  }

  /**
   * Produces --warmup-days of hourly means of the backlog's stations, ending the hour before the
   * backlog's first minute, so their clocks run on into it; returns how many readings that was.
   */
  private long produceWarmupDays(String bootstrap, LoadOptions backlog, Instant backlogEnd, PrintStream out) {
    if (warmupDays == 0) {
      return 0;
    }
    LoadOptions days = backlog.withPeriodMinutes(LoadOptions.HOUR)
        .withReadings((long) backlog.readingsPerRound() * HOURS_PER_DAY * warmupDays);
    Instant lastHour = LoadTiming.lastHourBefore(backlogEnd.minus(Duration.ofMinutes(backlog.rounds() - 1)));
    out.printf("bench: producing %d day(s) of hourly means of the same stations before the backlog: %,d readings, "
        + "not timed (every station changes day and closes one %d times in them)%n", warmupDays, days.readings(),
        warmupDays);
    produce(bootstrap, days, null, "days of hourly means", Clock.fixed(lastHour, ZoneOffset.UTC), out);
    return days.readings();
  }

  /** The cost of hour closes on their own (--hour-close-days), see {@link HourCloseCost}. */
  private void hourCloses(BenchReport report) throws InterruptedException {
    if (hourCloseDays == 0) {
      report.skip("hour closes", "--hour-close-days 0");
      return;
    }
    out.printf("bench: hour closes: %d stations send hourly means, %d untimed days then %d timed, "
        + "a fresh broker and topology, commit every %d ms%s%n", stations, HourCloseCost.WARMUP_DAYS, hourCloseDays,
        commitInterval.toMillis(), streamsConfig.isEmpty() ? "" : ", with " + streamsConfig);
    HourCloseCost.Result closes = HourCloseCost.measure(stations, hourCloseDays, partitions, threads, commitInterval,
        streamsConfig, timeout, out);
    report.add(new Figure(BenchKeys.HOUR_CLOSE_RATE, "hour closes", closes.stationHoursPerSecond(),
        "station-hours/s", String.format(Locale.ROOT, "%,d station-hours, each %d hourly means and the close",
            closes.stationHours(), LoadOptions.AIR.size())));
    report.add(new Figure(BenchKeys.HOUR_CLOSE_STREAM_CPU, "hour close: stream threads' CPU", closes.streamCpuMicros(),
        "us", "per station-hour"));
    report.add(new Figure(BenchKeys.HOUR_CLOSE_PROCESS_CPU, "hour close: process CPU", closes.processCpuMicros(),
        "us", "per station-hour: broker, streams, JIT, GC"));
  }

  /** Sink and replay figures, on --influx-url or an influxd started here. */
  private void influxFigures(BenchReport report) throws InterruptedException {
    Optional<InfluxdProcess> ownInflux = needsInflux() && influxUrl == null ? startInfluxd(report, out)
        : Optional.empty();
    try {
      Optional<String> influx = influxUrl != null ? Optional.of(influxUrl) : ownInflux.map(InfluxdProcess::url);
      if (noSink) {
        report.skip("sink", "--no-sink");
      } else {
        influx.ifPresent(url -> sink(report, url, out));
      }
      if (replay) {
        replay(report, influx, out);
      }
    } finally {
      ownInflux.ifPresent(InfluxdProcess::close);
    }
  }

  private void validate() {
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be 0 or more");
    }
    if (!(latencyLoad > 0 && latencyLoad <= 1)) {
      throw new IllegalArgumentException("--latency-load must be a share of the pipeline rate, above 0 and at most 1");
    }
    if (latencyWarmup.isNegative()) {
      throw new IllegalArgumentException("--latency-warmup must not be negative (PT0S probes at once)");
    }
    if (hourCloseDays < 0) {
      throw new IllegalArgumentException("--hour-close-days must be 0 (skip) or more");
    }
    if (warmupDays < 0) {
      throw new IllegalArgumentException("--warmup-days must be 0 or more");
    }
    if (warmupProbes < 0) {
      throw new IllegalArgumentException("--latency-warmup-probes must be 0 or more");
    }
    if (readings < 1 || stations < 1 || partitions < 1 || threads < 1 || probes < 1 || sinkPoints < 1
        || sinkBatch < 1) {
      throw new IllegalArgumentException("--readings, --stations, --partitions, --threads, --latency-probes, "
          + "--sink-points and --sink-batch must all be at least 1");
    }
    if (replay && influxUrl == null && InfluxdProcess.binary().isEmpty()) {
      throw new IllegalArgumentException("--replay writes into InfluxDB: give --influx-url or put influxd on the PATH");
    }
  }

  private void publishStations(String bootstrap, LoadOptions load) throws InterruptedException {
    List<StationEntry> loadStations;
    try (ReadingPublisher unused = new KafkaReadingPublisher(props(bootstrap))) {
      loadStations = new LoadGenerator(unused, load).stations();
    }
    List<StationEntry> all = new ArrayList<>(loadStations);
    all.addAll(StationPrefixPublisher.rename(loadStations, HALF_LOAD_PREFIX));
    all.addAll(AlertLatencyProbe.stations(warmupProbes + probes));
    BenchStations.publish(bootstrap, all, timeout, out);
  }

  /** Runs the load generator; with a prefix its stations are renamed (see {@link StationPrefixPublisher}). */
  private static LoadResult produce(String bootstrap, LoadOptions load, String prefix, String label, Clock eventClock,
                                    PrintStream out) {
    ProgressLine progress = new ProgressLine(out, label);
    try (ReadingPublisher kafka = new KafkaReadingPublisher(props(bootstrap));
         ReadingPublisher publisher = prefix == null ? kafka : new StationPrefixPublisher(kafka, prefix)) {
      return new LoadGenerator(publisher, load, eventClock).run(p -> progress.update(p.sent(), p.total()));
    }
  }

  private void latency(BenchReport report, String bootstrap, LoadOptions load, double rate, PrintStream out)
      throws InterruptedException {
    Duration probing = probeInterval.multipliedBy(probes);
    Duration untimedProbing = probeInterval.multipliedBy(warmupProbes);
    Duration loadOnly = latencyWarmup.compareTo(untimedProbing) > 0 ? latencyWarmup.minus(untimedProbing) : Duration.ZERO;
    Duration loadTime = loadOnly.plus(untimedProbing).plus(probing);
    long loadReadings = Math.max(1, (long) (rate * (loadTime.toNanos() / 1e9 + 5)));
    out.printf(Locale.ROOT, "bench: latency: %,.0f readings/s (%.2f of the pipeline's rate) for about %.0f s, "
        + "%d probes %d ms apart after %d s (%d untimed probes in its last %d s)%n", rate, latencyLoad,
        loadReadings / rate, probes, probeInterval.toMillis(), loadOnly.plus(untimedProbing).toSeconds(), warmupProbes,
        untimedProbing.toSeconds());
    Duration dayCloseAt = loadOnly.plus(untimedProbing).plus(probing.dividedBy(2));
    LoadOptions halfLoad = load.withReadings(loadReadings).withRate(rate);
    Instant lastMinute = LoadTiming.lastMinute(Instant.now(), halfLoad.rounds(), LoadTiming.midnightMinuteForClose(
        LoadTiming.minuteAt(rate, dayCloseAt, halfLoad.readingsPerRound()), PipelineStreams.GRACE));
    out.printf(Locale.ROOT, "bench: latency: the stations close their day (a Beijing midnight plus the %d h grace, "
        + "then each station at its own offset inside the next %d min) from about %d s into the half load, "
        + "half-way through the timed probes%n", PipelineStreams.GRACE.toHours(),
        PipelineStreams.DAY_CLOSE_SPREAD.toMinutes(), dayCloseAt.toSeconds());
    CompletableFuture<LoadResult> background = CompletableFuture.supplyAsync(() -> produce(bootstrap, halfLoad,
        HALF_LOAD_PREFIX, "half load", Clock.fixed(lastMinute, ZoneOffset.UTC), out));
    // The JIT compiled at 40-80 % of a core through the first 25 s of the half load and still at
    // 10-30 % after 45 s, and the first probes had it compile the alert path (docs/benchmarks.md).
    try {
      background.get(loadOnly.toNanos(), TimeUnit.NANOSECONDS); // returns early only if the load ended
    } catch (TimeoutException | ExecutionException stillRunningOrFailed) {
      // the usual case: the load runs on while the probes go out; a failure surfaces at join() below
    }
    AlertLatencyProbe.Result result = new AlertLatencyProbe(bootstrap).run(warmupProbes, probes, probeInterval,
        Duration.ofSeconds(60), out);
    LoadResult achieved = background.join();
    report.add(new Figure(BenchKeys.LATENCY_LOAD_SHARE, "latency: share of the pipeline rate", latencyLoad, "", ""));
    report.add(new Figure(BenchKeys.LATENCY_RATE, "latency: load while probing", achieved.achievedRate(),
        "readings/s", "target " + Math.round(rate)));
    report.add(new Figure(BenchKeys.LATENCY_JIT_SHARE, "latency: JIT compiling while probing", result.compilerBusyShare(),
        "cores", "compiler threads' busy time per second"));
    report.add(new Figure(BenchKeys.LATENCY_PROCESS_CORES, "latency: CPU in use while probing", result.processCores(),
        "cores", "of " + Runtime.getRuntime().availableProcessors() + ": broker, load, streams, JIT, GC"));
    if (result.latenciesMillis().length == 0) {
      report.skip("latency", "no probe raised an alert within 60 s; check the streams log and envmon.readings.dlq");
      return;
    }
    if (printProbes) {
      result.timeline().forEach(t -> out.printf(Locale.ROOT, "  probe sent at +%.1f s: written after %.0f ms, committed after %.0f ms%n",
          t.sentAfterMillis() / 1e3, t.writtenMillis(), t.committedMillis()));
    }
    Percentiles p = Percentiles.of(result.latenciesMillis());
    String note = result.missing() == 0 ? "" : result.missing() + " probes never alerted";
    report.add(new Figure(BenchKeys.LATENCY_SAMPLES, "latency: probes that alerted", p.count(), "", note));
    report.add(new Figure(BenchKeys.LATENCY_P50, "reading -> alert p50", p.p50(), "ms", ""));
    report.add(new Figure(BenchKeys.LATENCY_P99, "reading -> alert p99", p.p99(), "ms", ""));
    report.add(new Figure(BenchKeys.LATENCY_MAX, "reading -> alert max", p.max(), "ms", ""));
    if (result.uncommittedMillis().length > 0) {
      Percentiles written = Percentiles.of(result.uncommittedMillis());
      report.add(new Figure(BenchKeys.LATENCY_WRITTEN_P50, "reading -> alert written p50", written.p50(), "ms",
          "before its commit (read_uncommitted)"));
      report.add(new Figure(BenchKeys.LATENCY_WRITTEN_P99, "reading -> alert written p99", written.p99(), "ms",
          "before its commit (read_uncommitted)"));
    }
  }

  private boolean needsInflux() {
    return !noSink || replay;
  }

  /** influxd from the PATH, started here; empty (and the figures skipped) when there is none. */
  private static Optional<InfluxdProcess> startInfluxd(BenchReport report, PrintStream out)
      throws InterruptedException {
    Optional<Path> binary = InfluxdProcess.binary();
    if (binary.isEmpty()) {
      report.skip("influxdb", "no --influx-url and no influxd on the PATH (Debian: apt-get install influxdb)");
      return Optional.empty();
    }
    out.println("bench: starting " + binary.get() + " on a free port in a temporary directory");
    return Optional.of(InfluxdProcess.start(binary.get(), Duration.ofSeconds(30)));
  }

  private void sink(BenchReport report, String url, PrintStream out) {
    out.printf("bench: sink: %,d hourly points in batches of %,d to %s%n", sinkPoints, sinkBatch, url);
    SinkThroughput sink = new SinkThroughput(url);
    var records = SinkThroughput.records(sinkPoints);
    try {
      // A few batches first, so no path pays for JIT, connections or shard creation.
      sink.compare(records.subList(0, Math.min(records.size(), 2 * sinkBatch)), sinkBatch, out);
      SinkThroughput.Result result = sink.compare(records, sinkBatch, out);
      Throughput raw = result.raw();
      Throughput envmon = result.envmon();
      Throughput gzipped = result.gzipped();
      report.add(new Figure(BenchKeys.SINK_RAW_RATE, "InfluxDB raw line-protocol POST", raw.perSecond(),
          "points/s", "pre-rendered, uncompressed"));
      report.add(new Figure(BenchKeys.SINK_RATE, "InfluxDB via envmon's writer", envmon.perSecond(), "points/s",
          "PointMapper + InfluxV1Writer, influx.gzip=false (default)"));
      report.add(new Figure(BenchKeys.SINK_RATIO, "sink / raw POST", envmon.perSecond() / raw.perSecond(), "", ""));
      report.add(new Figure(BenchKeys.SINK_GZIP_RATE, "InfluxDB, envmon writer, gzip", gzipped.perSecond(),
          "points/s", "influx.gzip=true"));
      report.add(new Figure(BenchKeys.SINK_GZIP_RATIO, "sink with gzip / raw POST",
          gzipped.perSecond() / raw.perSecond(), "", ""));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the sink benchmark", e);
    }
  }

  private void replay(BenchReport report, Optional<String> influx, PrintStream out) throws InterruptedException {
    Path dataDir = data != null ? data : defaultData();
    if (!Files.isDirectory(dataDir)) {
      report.skip("replay", dataDir + " is not a directory with the Beijing CSV files; give --data");
      return;
    }
    if (influx.isEmpty()) {
      report.skip("replay", "no InfluxDB to replay into");
      return;
    }
    out.println("bench: replay: " + dataDir + " end to end into InfluxDB (database " + ReplayBench.DATABASE
        + "), exactly_once_v2, commit every " + replayCommitInterval.toMillis() + " ms");
    ReplayBench.Result result = ReplayBench.run(dataDir, stationsFile, influx.get(), replayCommitInterval, threads,
        replayTimeout, out);
    String note = String.format(Locale.ROOT, "%,d readings", result.readings())
        + (result.finished() ? "" : String.format(Locale.ROOT, "; NOT finished, gave up with %,d records left",
        result.left()));
    report.add(new Figure(BenchKeys.REPLAY_SECONDS, "Beijing replay wall time", result.wall().toNanos() / 1e9, "s",
        note));
    report.add(new Figure(BenchKeys.REPLAY_CONSUMED, "replay readings through streams", result.consumed(), "",
        "committed by the streams application"));
    if (result.finished()) {
      report.add(new Figure(BenchKeys.REPLAY_RATE, "Beijing replay", result.perSecond(), "readings/s", ""));
    } else {
      report.add(new Figure(BenchKeys.REPLAY_CONSUMED_RATE, "replay streams rate until give-up",
          result.consumed() / (result.wall().toNanos() / 1e9), "readings/s", ""));
    }
  }

  /** ../shared/data/beijing-multisite next to the repository root (the working directory of ./envmon). */
  private static Path defaultData() {
    return Path.of("..", "shared", "data", "beijing-multisite").toAbsolutePath().normalize();
  }

  private static void memory(BenchReport report, HeapPeak heap) {
    report.add(new Figure(BenchKeys.PEAK_HEAP_MIB, "peak heap (before a GC)", heap.peakBytes() / 1048576.0, "MiB",
        "sum of pool peaks " + Math.round(MemoryFigures.peakHeapBytes() / 1048576.0) + " MiB"));
    report.add(new Figure(BenchKeys.MAX_HEAP_MIB, "max heap (-Xmx)", MemoryFigures.maxHeapBytes() / 1048576.0,
        "MiB", ""));
    MemoryFigures.peakRssBytes().ifPresent(rss -> report.add(new Figure(BenchKeys.PEAK_RSS_MIB,
        "peak RSS (VmHWM)", rss / 1048576.0, "MiB", "broker, streams and clients in one JVM")));
    report.add(new Figure(BenchKeys.GC_PAUSE_MS, "time in GC", MemoryFigures.gcMillis(), "ms", ""));
  }

  private static void machine(BenchReport report, String when) {
    report.add(new Figure(BenchKeys.LOAD_AVERAGE + "_" + when, "load average (1 min) at " + when,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "",
        Runtime.getRuntime().availableProcessors() + " CPUs"));
  }

  private static Properties props(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    return p;
  }
}
