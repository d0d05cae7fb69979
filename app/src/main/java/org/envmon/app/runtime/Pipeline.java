package org.envmon.app.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.status.StatusServer;
import org.envmon.broker.TopicAdmin;
import org.envmon.ingest.registry.StationPublisher;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.EnvmonTopology;
import org.envmon.streams.StreamsSettings;
import org.envmon.streams.internals.alerts.EvaluationSettings;
import org.envmon.sinks.influx.sink.InfluxSink;
import org.envmon.sinks.influx.sink.InfluxSinkOptions;

/**
 * The running pipeline against one Kafka cluster: topics, the published station registry, the
 * Kafka Streams application and the sinks. Both {@code envmon demo} and {@code envmon run} start
 * one; ingest endpoints are added by the caller.
 */
public final class Pipeline implements AutoCloseable {
  public static final String INFLUX_SINK_GROUP = "envmon-influx-sink";

  private final EnvmonConfig config;
  private final StationRegistry stations;
  private final StreamsSettings settings;
  private final KafkaStreams streams;
  private final StatusServer status;
  private final Optional<InfluxSink> influx;
  private final PrometheusMeterRegistry meters;

  private Pipeline(EnvmonConfig config, StationRegistry stations, StreamsSettings settings,
                   KafkaStreams streams, StatusServer status, Optional<InfluxSink> influx,
                   PrometheusMeterRegistry meters) {
    this.config = config;
    this.stations = stations;
    this.settings = settings;
    this.streams = streams;
    this.status = status;
    this.influx = influx;
    this.meters = meters;
  }

  /**
   * Creates the topics, publishes the stations, starts streams and sinks, and waits until the
   * streams application is running.
   */
  public static Pipeline start(EnvmonConfig config, StationRegistry stations, StreamsSettings.Builder tuning,
                               PrintStream log) throws InterruptedException {
    Properties client = config.kafkaClientProperties();
    String bootstrap = client.getProperty("bootstrap.servers");
    new TopicAdmin(config.kafkaClientConfig()).createTopics(Topics.all(), config.getInt(EnvmonConfig.TOPIC_PARTITIONS));
    try (StationPublisher publisher = new StationPublisher(client)) {
      int n = publisher.publish(stations.all()).get(60, TimeUnit.SECONDS);
      log.printf("envmon: published %d stations to %s%n", n, Topics.STATIONS.name());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish the station registry to Kafka at " + bootstrap
          + ": " + rootMessage(e), e);
    }

    Catalog catalog = catalog(config);
    int asYear = config.getInt(EnvmonConfig.STREAMS_AS_YEAR);
    if (asYear > 0) {
      tuning.evaluation(EvaluationSettings.builder(catalog).asYear(asYear).build());
      log.printf("envmon: plan progress is re-dated to %d: that year's targets judge the data (records say so in redatedFrom)%n",
          asYear);
    }
    StatusServer status = bindStatus(config);
    StreamsSettings settings = tuning
        .applicationServer(status.applicationServer())
        .applicationId(config.getString(EnvmonConfig.STREAMS_APPLICATION_ID))
        .stateDir(Path.of(config.getString(EnvmonConfig.STREAMS_STATE_DIR)))
        .processingGuarantee(config.getString(EnvmonConfig.STREAMS_GUARANTEE))
        .standbyReplicas(config.getInt(EnvmonConfig.STREAMS_STANDBY_REPLICAS))
        .commitInterval(Duration.ofMillis(config.getLong(EnvmonConfig.STREAMS_COMMIT_INTERVAL_MS)))
        .grace(Duration.ofMillis(config.getLong(EnvmonConfig.STREAMS_GRACE_MS)))
        .dayCloseSpread(Duration.ofMillis(config.getLong(EnvmonConfig.STREAMS_DAY_CLOSE_SPREAD_MS)))
        .catalog(catalog)
        .build();
    Properties streamsProps = settings.toProperties(bootstrap);
    client.forEach(streamsProps::putIfAbsent);
    streamsProps.put("num.stream.threads", config.getInt(EnvmonConfig.STREAMS_THREADS));
    KafkaStreams streams = new KafkaStreams(EnvmonTopology.build(settings), streamsProps);
    streams.setUncaughtExceptionHandler(e -> {
      log.println("envmon: stream thread failed, replacing it: " + rootMessage(e));
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
    awaitRunning(streams, Duration.ofSeconds(120));
    status.start(streams);
    log.printf("envmon: status API on http://%s:%d/api/v1/status/stations%n",
        config.getString(EnvmonConfig.STATUS_ADVERTISED_HOST), status.address().getPort());

    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Optional<InfluxSink> influx = InfluxSinks.fromConfig(config, stations, settings.catalog(), meters, INFLUX_SINK_GROUP);
    influx.ifPresent(InfluxSink::start);
    return new Pipeline(config, stations, settings, streams, status, influx, meters);
  }

  private static StatusServer bindStatus(EnvmonConfig config) {
    int port = config.getInt(EnvmonConfig.STATUS_HTTP_PORT);
    try {
      return StatusServer.bind(new InetSocketAddress(port), config.getString(EnvmonConfig.STATUS_ADVERTISED_HOST));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the status API on port " + port + " (" + e.getMessage()
          + "); choose another " + EnvmonConfig.STATUS_HTTP_PORT, e);
    }
  }

  private static Catalog catalog(EnvmonConfig config) {
    String file = config.getString(EnvmonConfig.CATALOG_FILE);
    return file.isBlank() ? Catalog.builtIn()
        : Catalog.load(Path.of(file), config.getBoolean(EnvmonConfig.CATALOG_REPLACE));
  }

  private static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("the streams application stopped while starting (state "
            + streams.state() + "); see the log above");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the streams application did not reach RUNNING within " + timeout
            + " (state " + streams.state() + "); is Kafka reachable?");
      }
      Thread.sleep(100);
    }
  }

  /** Waits until streams and sinks have processed everything written so far. */
  public void awaitQuiescent(Duration timeout, java.util.function.Consumer<Long> progress)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(config.kafkaClientConfig())) {
      Set<String> streamsTopics = StreamsSourceTopics.of(EnvmonTopology.build(settings), settings.applicationId());
      Map<String, Set<String>> groups = new java.util.HashMap<>();
      groups.put(settings.applicationId(), streamsTopics);
      influx.ifPresent(sink -> groups.put(INFLUX_SINK_GROUP, InfluxSinkOptions.WRITABLE_TOPICS.stream()
          .map(Topic::name).collect(Collectors.toSet())));
      new PipelineQuiescence(admin, groups, Duration.ofMillis(500), 4).await(timeout, progress);
    }
    if (influx.isPresent() && !influx.get().awaitCaughtUp(timeout)) {
      throw new TimeoutException("the InfluxDB sink did not catch up within " + timeout);
    }
  }

  public StationRegistry stations() {
    return stations;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public Optional<InfluxSink> influx() {
    return influx;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  public EnvmonConfig config() {
    return config;
  }

  @Override
  public void close() {
    influx.ifPresent(InfluxSink::close);
    status.close();
    streams.close(Duration.ofSeconds(30));
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
