package org.envmon.app.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.hj212.Hj212Mapping;
import org.envmon.ingest.kafkajson.KafkaJsonIngest;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.simulator.Hj212Logger;
import org.envmon.ingest.simulator.IngestPath;
import org.envmon.ingest.simulator.SimulatedReading;
import org.envmon.ingest.simulator.Simulator;
import org.envmon.ingest.simulator.SimulatorOptions;
import org.envmon.schemas.topics.Topics;
import org.envmon.standards.BeijingZone;

/**
 * The demo's default feed: envmon's deterministic station simulator, each station sending through
 * the ingest path its kind of logger uses, exactly as an external one would: air stations as
 * HJ 212 loggers over TCP, water sections over HTTP, noise sites over HTTP (MQTT needs an
 * external broker), VOCs analysers as JSON on the Kafka raw topic. Uses the demo credentials of
 * config/stations.yaml (HJ 212 PW 123456, HTTP token demo-&lt;station&gt;).
 */
public final class IngestPathsFeed implements Feed {
  /** The demo stations' HJ 212 password (config/stations.yaml holds only its hash). */
  public static final String DEMO_HJ212_PASSWORD = "123456";
  /** Prefix of the demo stations' HTTP bearer tokens: demo-&lt;station id&gt;. */
  public static final String DEMO_TOKEN_PREFIX = "demo-";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SimulatorOptions options;
  private final IngestEndpoints endpoints;
  private final Map<IngestPath, AtomicLong> sent = new java.util.EnumMap<>(IngestPath.class);
  private final AtomicLong refused = new AtomicLong();

  public IngestPathsFeed(long seed, LocalDate start, int days, StationRegistry stations, IngestEndpoints endpoints) {
    this.options = SimulatorOptions.defaults(List.copyOf(stations.all()))
        .withSeed(seed).withStart(start.atStartOfDay().toInstant(BeijingZone.OFFSET)).withDays(days);
    this.endpoints = endpoints;
    for (IngestPath p : IngestPath.values()) {
      sent.put(p, new AtomicLong());
    }
  }

  @Override
  public String describe() {
    return String.format("the station simulator (%d stations, %d days from %s, seed %d) through the real ingest "
            + "paths: air over HJ 212 to %s, water and noise over HTTP to %s, VOCs as JSON on %s",
        options.stations().size(), options.days(), options.start(), options.seed(),
        IngestEndpoints.hostPort(endpoints.hj212Address()), IngestEndpoints.hostPort(endpoints.httpAddress()),
        Topics.READINGS_RAW.name());
  }

  /** One station's readings, grouped by observation time (one logger upload each). */
  private record StationFeed(StationEntry station, IngestPath path, List<List<Candidate>> hours) {}

  @Override
  public FeedResult run(Properties kafkaClientProperties, PrintStream out) throws Exception {
    if (endpoints.hj212Address() == null || endpoints.httpAddress() == null) {
      throw new IllegalStateException("the simulator feed needs the HJ 212 and HTTP endpoints; do not disable them");
    }
    Map<String, StationFeed> feeds = new LinkedHashMap<>();
    Instant last = options.start();
    for (SimulatedReading r : (Iterable<SimulatedReading>) new Simulator(options).readings()::iterator) {
      StationFeed feed = feeds.computeIfAbsent(r.station().id(), id -> new StationFeed(r.station(),
          r.path() == IngestPath.MQTT ? IngestPath.HTTP : r.path(), new ArrayList<>()));
      List<List<Candidate>> hours = feed.hours();
      if (hours.isEmpty() || !hours.get(hours.size() - 1).get(0).observedAt().equals(r.candidate().observedAt())) {
        hours.add(new ArrayList<>());
      }
      hours.get(hours.size() - 1).add(r.candidate());
      if (r.candidate().observedAt().isAfter(last)) {
        last = r.candidate().observedAt();
      }
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Properties raw = new Properties();
    raw.putAll(kafkaClientProperties);
    raw.put(ProducerConfig.ACKS_CONFIG, "all");
    raw.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, Math.max(1, feeds.size())));
    try (KafkaProducer<String, String> rawProducer = new KafkaProducer<>(raw, new StringSerializer(), new StringSerializer())) {
      List<Future<?>> running = new ArrayList<>();
      for (StationFeed feed : feeds.values()) {
        running.add(pool.submit(() -> {
          send(feed, http, rawProducer);
          return null;
        }));
      }
      long total = feeds.values().stream().mapToLong(f -> f.hours().size()).sum();
      for (Future<?> f : running) {
        f.get(30, TimeUnit.MINUTES);
      }
      rawProducer.flush();
      out.printf("envmon demo: %d station uploads delivered; waiting for the Kafka JSON ingest to validate the raw topic%n", total);
    } finally {
      pool.shutdownNow();
    }
    awaitRawTopicConsumed(kafkaClientProperties);
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(kafkaClientProperties)) {
      publisher.endOfInput(last).get(60, TimeUnit.SECONDS);
    }
    long total = sent.values().stream().mapToLong(AtomicLong::get).sum();
    return new FeedResult(total, 0, refused.get());
  }

  private void send(StationFeed feed, HttpClient http, KafkaProducer<String, String> raw) throws Exception {
    switch (feed.path()) {
      case HJ212 -> sendHj212(feed);
      case KAFKA_JSON -> {
        for (List<Candidate> hour : feed.hours()) {
          for (Candidate c : hour) {
            raw.send(new ProducerRecord<>(Topics.READINGS_RAW.name(), c.stationId(), json(c).toString())).get();
            sent.get(IngestPath.KAFKA_JSON).incrementAndGet();
          }
        }
      }
      default -> sendHttp(feed, http);
    }
  }

  private void sendHj212(StationFeed feed) throws IOException {
    String mn = feed.station().mn().orElseThrow(() -> new IllegalStateException(
        "station " + feed.station().id() + " speaks HJ 212 but has no hj212 mn in config/stations.yaml"));
    InetSocketAddress server = endpoints.hj212Address();
    try (Hj212Logger logger = new Hj212Logger(new InetSocketAddress("127.0.0.1", server.getPort()), mn,
        DEMO_HJ212_PASSWORD, Hj212Mapping.defaults().codes(feed.station().id()), Duration.ofSeconds(30))) {
      for (List<Candidate> hour : feed.hours()) {
        if (logger.sendHour(hour.get(0).observedAt(), hour)) {
          sent.get(IngestPath.HJ212).addAndGet(hour.size());
        } else {
          refused.addAndGet(hour.size());
        }
      }
    }
  }

  private void sendHttp(StationFeed feed, HttpClient http) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + endpoints.httpAddress().getPort() + "/api/v1/readings");
    for (List<Candidate> hour : feed.hours()) {
      ArrayNode body = JSON.createArrayNode();
      hour.forEach(c -> body.add(json(c)));
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
          .header("Authorization", "Bearer " + DEMO_TOKEN_PREFIX + feed.station().id())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        throw new IllegalStateException("HTTP ingest answered " + response.statusCode() + " for station "
            + feed.station().id() + ": " + response.body());
      }
      long rejected = JSON.readTree(response.body()).path("rejected").asLong(0);
      sent.get(IngestPath.HTTP).addAndGet(hour.size() - rejected);
      refused.addAndGet(rejected);
    }
  }

  private static ObjectNode json(Candidate c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("station", c.stationId());
    n.put("parameter", c.parameter());
    n.put("time", c.observedAt().atOffset(BeijingZone.OFFSET).toString());
    n.put("value", Double.parseDouble(c.value()));
    if (c.unit() != null) {
      n.put("unit", c.unit());
    }
    if (c.flag() != null) {
      n.put("flag", c.flag());
    }
    n.put("periodSeconds", c.periodSeconds());
    return n;
  }

  /** The raw-topic validator runs asynchronously: the end-of-input marker must not overtake it. */
  private static void awaitRawTopicConsumed(Properties client) throws Exception {
    Map<String, Object> adminConfig = new HashMap<>();
    client.forEach((k, v) -> adminConfig.put(k.toString(), v));
    try (Admin admin = Admin.create(adminConfig)) {
      new PipelineQuiescence(admin, Map.of(KafkaJsonIngest.DEFAULT_APPLICATION_ID, Set.of(Topics.READINGS_RAW.name())),
          Duration.ofMillis(300), 3).await(Duration.ofMinutes(5), lag -> { });
    }
  }

  /** Readings delivered per path, for the summary. */
  public String perPath() {
    StringBuilder sb = new StringBuilder();
    sent.forEach((path, n) -> {
      if (n.get() > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(path).append(' ').append(String.format("%,d", n.get()));
      }
    });
    return sb.toString();
  }
}
