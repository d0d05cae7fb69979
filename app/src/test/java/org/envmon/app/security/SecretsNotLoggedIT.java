package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.envmon.app.EnvmonCli;
import org.envmon.app.config.ConfigLoader;
import org.envmon.app.config.EnvmonConfig;
import org.envmon.app.runtime.IngestEndpoints;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.hj212.Hj212Crc;
import org.envmon.ingest.registry.CredentialHash;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.sinks.alerts.WebhookSignature;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.InfluxDbServer;
import org.envmon.testkit.Mosquitto;
import org.envmon.testkit.VictoriaMetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.envmon.testkit.RepositoryFiles;

/**
 * Secrets never reach logs, console output or the DLQ. Two in-process runs, scanned afterwards:
 * the ingest endpoints of {@code envmon run} receiving HJ 212 packets that carry a PW only this
 * test knows (accepted, unknown MN, bad CRC, malformed, bad length) and HTTP requests with such a
 * bearer token; and {@code envmon demo --once}, whose simulated loggers and HTTP clients send the
 * demo secrets of config/stations.yaml through the real ingest paths. Both get Kafka passwords
 * through the kafka.* passthrough (unused on the PLAINTEXT listener, but every Kafka client
 * prints its configuration). The first run also logs in to a real Mosquitto that wants a
 * password, read from {@code ingest.mqtt.password.file}, and ingests a reading through it. A
 * third run writes to a real InfluxDB 2.x write API (VictoriaMetrics) with its token read from
 * {@code influx.token.file}; a fourth to a real InfluxDB 1.x with authentication on, the password
 * read from {@code influx.password.file}, and signs its alert webhooks with a secret read from
 * {@code webhook.<name>.secret.file}. The {@code *.env} alternatives read the same way into the
 * same {@code Secret} (ConfiguredSecretsTest); a test cannot set its own process's environment, so
 * {@link SecretsFromEnvironmentIT} runs one of them in a child JVM.
 */
class SecretsNotLoggedIT {
  private static final String PW = "pw7Qx9";
  private static final String TOKEN = "tok-Hx81-d0e5a7";
  private static final String KAFKA_PASSWORD = "kafka-pw-3b77f2";
  private static final String INFLUX_TOKEN = "influx-tok-9c2e41";
  private static final String INFLUX_USER = "envmon-writer";
  private static final String INFLUX_PASSWORD = "influx-pw-71a0be";
  private static final String MQTT_USER = "envmon-ingest";
  private static final String MQTT_PASSWORD = "mqtt-pw-5d21c8";
  private static final String WEBHOOK_SECRET = "hook-secret-e94f10";
  private static final String MN = "110101A9999";
  /** The demo secrets of config/stations.yaml, which the demo's simulated loggers and HTTP clients send. */
  private static final String DEMO_PW = "123456";
  private static final String DEMO_TOKEN_PREFIX = "demo-";
  private static final Path SHIPPED_STATIONS = RepositoryFiles.root().resolve("config/stations.yaml");

  @TempDir
  Path dir;

  @Test
  void ingestEndpointsKeepPasswordsAndTokensOutOfLogsAndTheDlq() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    List<String> dlq = new ArrayList<>();
    List<String> logged;
    Path mqttPassword = Files.writeString(dir.resolve("mqtt.password"), MQTT_PASSWORD + "\n");
    try (LogCapture logs = new LogCapture();
         StdCapture std = new StdCapture();
         EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.builder().dataDir(dir.resolve("kafka"))
             .brokerPort(0).controllerPort(0).build());
         Mosquitto mqtt = Mosquitto.startWithLogin(Files.createDirectory(dir.resolve("mqtt")), MQTT_USER,
             MQTT_PASSWORD)) {
      broker.createTopics(Topics.all(), 1);
      EnvmonConfig config = ConfigLoader.load(withKafkaPasswords(dir.resolve("run.properties")),
          Map.of(EnvmonConfig.KAFKA_BOOTSTRAP, broker.bootstrapServers(),
              EnvmonConfig.STREAMS_STATE_DIR, dir.resolve("streams").toString(),
              EnvmonConfig.MQTT_URL, mqtt.uri(),
              EnvmonConfig.MQTT_CLIENT_ID, "envmon-secrets-it",
              EnvmonConfig.MQTT_USERNAME, MQTT_USER,
              EnvmonConfig.MQTT_PASSWORD_FILE, mqttPassword.toString()));
      StationRegistry stations = StationRegistry.load(stationsFile());
      try (IngestEndpoints endpoints = IngestEndpoints.start(config, stations,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new PrintStream(console, true, StandardCharsets.UTF_8))) {
        assertThat(endpoints.describe()).contains("MQTT from " + mqtt.uri()).contains("as " + MQTT_USER);
        sendHj212(endpoints.hj212Address().getPort());
        sendHttp(endpoints.httpAddress().getPort());
        sendMqtt(mqtt, broker.bootstrapServers());
        dlq.addAll(readDlq(broker.bootstrapServers(), 6));
      }
      logged = logs.lines();
      console.writeBytes(std.text().getBytes(StandardCharsets.UTF_8));
    }
    String everything = String.join("\n", logged) + "\n" + console.toString(StandardCharsets.UTF_8);

    assertThat(dlq).as("dead letters of the refused packets").hasSizeGreaterThanOrEqualTo(6)
        .anyMatch(p -> p.contains("PW=***"))
        .anyMatch(p -> p.contains("MQTT payload"));
    assertNoSecret(String.join("\n", dlq), "the DLQ");
    assertThat(logged).as("the capture saw the ingest and Kafka logs")
        .anyMatch(l -> l.contains("HJ 212 packet from"))
        .anyMatch(l -> l.contains("MQTT ingest connected to ") && l.contains(" as envmon-secrets-it"))
        .anyMatch(l -> l.contains("ProducerConfig values"));
    assertNoSecret(everything, "logs and console");
  }

  @Test
  void theDemoKeepsStationSecretsAndKafkaPasswordsOutOfItsOutput() throws Exception {
    DemoRun run = runDemo(withKafkaPasswords(dir.resolve("demo.properties")));

    assertThat(run.exit()).as("demo exit code; output: %s", run.console()).isZero();
    assertThat(run.logged()).as("the capture saw Kafka print its client configurations")
        .anyMatch(l -> l.contains("ProducerConfig values")).anyMatch(l -> l.contains("ssl.key.password"));
    String everything = run.everything();
    assertThat(everything).as("the demo's loggers sent their PW over HJ 212").contains("HJ 212 connection from");
    assertThat(everything).as("HJ 212 PW in the demo's logs and console").doesNotContain("PW=" + DEMO_PW);
    for (StationEntry station : StationRegistry.load(SHIPPED_STATIONS).all()) {
      assertThat(everything).as("HTTP token of %s", station.id()).doesNotContain(DEMO_TOKEN_PREFIX + station.id());
    }
    assertThat(everything).as("Kafka password").doesNotContain(KAFKA_PASSWORD);
  }

  @Test
  void anInfluxTokenFromAFileStaysOutOfTheDemosOutput() throws Exception {
    Path binary = VictoriaMetricsServer.binary().orElse(null);
    assumeTrue(binary != null, "victoria-metrics is not installed (apt-get install victoria-metrics): it is the "
        + "InfluxDB 2.x write API these tests have without Docker");
    Path tokenFile = dir.resolve("influx.token");
    Files.writeString(tokenFile, INFLUX_TOKEN + "\n", StandardCharsets.UTF_8);
    Path properties = withKafkaPasswords(dir.resolve("demo.properties"));
    Files.writeString(properties, "\n" + EnvmonConfig.INFLUX_TOKEN_FILE + "=" + tokenFile + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    try (VictoriaMetricsServer influx = VictoriaMetricsServer.start(binary, Files.createDirectory(dir.resolve("vm")))) {
      DemoRun run = runDemo(properties, "--influx-url", influx.url(), "--influx-api", "v2");

      assertThat(run.exit()).as("demo exit code; output: %s", run.console()).isZero();
      Awaitility.await("the sink's points searchable").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200)).until(() -> !influx.export("{__name__=~\"hourly_.*\"}").isBlank());
      assertThat(run.everything()).as("InfluxDB token from %s", tokenFile).doesNotContain(INFLUX_TOKEN);
    }
  }

  @Test
  void anInfluxV1PasswordAndAWebhookSecretFromFilesStayOutOfTheDemosOutput() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("influx.password"), INFLUX_PASSWORD + "\n");
    Path secretFile = Files.writeString(dir.resolve("webhook.secret"), WEBHOOK_SECRET + "\n");
    Path properties = withKafkaPasswords(dir.resolve("demo.properties"));
    Files.writeString(properties, "\n" + EnvmonConfig.INFLUX_USERNAME + "=" + INFLUX_USER + "\n"
        + EnvmonConfig.INFLUX_PASSWORD_FILE + "=" + passwordFile + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    try (InfluxDbServer influx = InfluxDbServer.launchWithAdmin(INFLUX_USER, INFLUX_PASSWORD);
         WebhookReceiver receiver = WebhookReceiver.start()) {
      Path webhooks = Files.writeString(dir.resolve("webhooks.properties"), "webhook.it.url=" + receiver.url()
          + "\nwebhook.it.secret.file=" + secretFile + "\n");
      DemoRun run = runDemo(properties, "--influx-url", influx.url(), "--influx-api", "v1",
          "--webhooks", webhooks.toString());

      assertThat(run.exit()).as("demo exit code; output: %s", run.console()).isZero();
      assertThat(influx.query("envmon", "SELECT count(*) FROM \"hourly\""))
          .as("points written with the password from %s", passwordFile).isNotEmpty();
      Awaitility.await("a signed alert delivery").atMost(Duration.ofSeconds(30))
          .until(() -> !receiver.deliveries().isEmpty());
      assertThat(receiver.deliveries()).as("every delivery signed with the secret from %s", secretFile)
          .allSatisfy(d -> assertThat(d.signature()).isEqualTo(WebhookSignature.headerValue(WEBHOOK_SECRET, d.body())));
      String everything = run.everything();
      assertThat(everything).as("InfluxDB 1.x password from %s", passwordFile).doesNotContain(INFLUX_PASSWORD);
      assertThat(everything).as("webhook secret from %s", secretFile).doesNotContain(WEBHOOK_SECRET);
      assertThat(everything).as("Kafka password").doesNotContain(KAFKA_PASSWORD);
    }
  }

  /** A webhook subscriber on a local port: keeps every delivery's body and signature, answers 204. */
  private static final class WebhookReceiver implements AutoCloseable {
    record Delivery(byte[] body, String signature) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
      this.server = server;
    }

    static WebhookReceiver start() throws java.io.IOException {
      WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      receiver.server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        receiver.deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER)));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      });
      receiver.server.start();
      return receiver;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    List<Delivery> deliveries() {
      return List.copyOf(deliveries);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** What one in-process {@code envmon demo --once --days 1} printed and logged. */
  private record DemoRun(int exit, List<String> logged, String console) {
    String everything() {
      return String.join("\n", logged) + "\n" + console;
    }
  }

  private DemoRun runDemo(Path properties, String... extraArgs) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("demo", "--once", "--days", "1", "--kafka-port", "0",
        "--controller-port", "0", "--data-dir", dir.resolve("data").toString(), "--stations",
        SHIPPED_STATIONS.toString(), "--config", properties.toString(), "--timeout", "PT3M"));
    args.addAll(List.of(extraArgs));
    int exit;
    List<String> logged;
    String console;
    try (LogCapture logs = new LogCapture()) {
      try (StdCapture std = new StdCapture()) {
        CommandLine cli = EnvmonCli.commandLine();
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        exit = cli.execute(args.toArray(String[]::new));
        console = std.text();
      }
      logged = logs.lines();
    }
    return new DemoRun(exit, logged, console + "\n" + err.toString(StandardCharsets.UTF_8));
  }

  /** System.out and System.err while it is open (where the demo prints and Paho's JUL logging goes). */
  private static final class StdCapture implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    StdCapture() {
      PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
      System.setOut(both);
      System.setErr(both);
    }

    String text() {
      synchronized (captured) {
        return captured.toString(StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  private static void assertNoSecret(String text, String where) {
    for (String secret : List.of(PW, TOKEN, KAFKA_PASSWORD, MQTT_PASSWORD)) {
      assertThat(text).as("'%s' in %s", secret, where).doesNotContain(secret);
    }
  }

  /** kafka.* keys holding a password, as an operator of a secured cluster would write them. */
  private static Path withKafkaPasswords(Path file) throws Exception {
    Files.writeString(file, String.join("\n",
        "kafka.ssl.key.password=" + KAFKA_PASSWORD,
        "kafka.ssl.keystore.password=" + KAFKA_PASSWORD,
        "kafka.ssl.truststore.password=" + KAFKA_PASSWORD,
        "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"envmon\" password=\"" + KAFKA_PASSWORD + "\";",
        "ingest.hj212.port=0", "ingest.http.port=0"), StandardCharsets.UTF_8);
    return file;
  }

  /** The shipped registry plus one station whose secrets only this test knows. */
  private Path stationsFile() throws Exception {
    String shipped = Files.readString(RepositoryFiles.root().resolve("config/stations.yaml"), StandardCharsets.UTF_8);
    String extra = String.join("\n",
        "  - id: SecretAir", "    name: SecretAir", "    medium: AIR", "    district: 东城", "    lat: 39.9",
        "    lon: 116.4", "    airGrade: 2", "    timeConvention: HOUR_BEGINNING", "    cadenceSeconds: 3600",
        "    hj212:", "      mn: \"" + MN + "\"", "      passwordHash: \"" + CredentialHash.of(PW) + "\"",
        "    http:", "      tokenHash: \"" + CredentialHash.of(TOKEN) + "\"", "");
    Path file = dir.resolve("stations.yaml");
    Files.writeString(file, shipped.replaceFirst("(?m)^stations:\\s*\\n", "stations:\n" + extra),
        StandardCharsets.UTF_8);
    return file;
  }

  private static void sendHj212(int port) throws Exception {
    String hour = ZonedDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)
        .format(DateTimeFormatter.ofPattern("yyyyMMddHH", Locale.ROOT)) + "0000";
    String good = "QN=" + hour + "000;ST=22;CN=2061;PW=" + PW + ";MN=" + MN + ";Flag=5;CP=&&DataTime=" + hour
        + ";a34004-Avg=35.0,a34004-Flag=N&&";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("##00x9QN=1;ST=22;CN=2061;PW=" + PW + ";MN=" + MN + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(frame(good.replace(MN, "110101A9998"), true)); // unknown station
      out.write(frame(good, false)); // bad CRC
      out.write(frame(good.replace("CP=&&", "CP=&&;;=;"), true)); // malformed CP field
      out.write(frame("QN=1;ST=22;CN=2061;PW=" + PW + ";MN=" + MN + ";CP=&&", true)); // no closing &&
      out.write(frame(good, true));
      out.flush();
      // Only the last packet is answered (Flag=5), after Kafka took it: the server has handled all before it.
      int b;
      StringBuilder answer = new StringBuilder();
      while ((b = socket.getInputStream().read()) >= 0 && b != '\n') {
        answer.append((char) b);
      }
      assertThat(answer).contains("CN=9014");
    }
  }

  private static byte[] frame(String segment, boolean correctCrc) {
    byte[] body = segment.getBytes(StandardCharsets.UTF_8);
    int crc = Hj212Crc.hj212(body) ^ (correctCrc ? 0 : 0x1111);
    return (String.format(Locale.ROOT, "##%04d", body.length) + segment + Hj212Crc.hex(crc) + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void sendHttp(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String time = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).withMinute(0).withSecond(0).withNano(0).toString();
    String good = "{\"station\":\"SecretAir\",\"parameter\":\"PM10\",\"time\":\"" + time + "\",\"value\":70}";
    List<Integer> statuses = new ArrayList<>();
    for (String[] r : new String[][] {
        {"Bearer " + TOKEN, good}, {"Bearer " + TOKEN, "{\"station\":\"SecretAir\",\"value\":\"x\"}"},
        {"Bearer " + TOKEN + "x", good}, {"Bearer " + TOKEN, "not json " + TOKEN.length()}}) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/readings"))
          .header("Authorization", r[0]).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(r[1])).build(), HttpResponse.BodyHandlers.ofString());
      statuses.add(response.statusCode());
      assertThat(response.body()).doesNotContain(TOKEN);
    }
    assertThat(statuses).containsExactly(202, 400, 401, 400);
  }

  /**
   * A reading of SecretAir through the password-protected broker, again until the subscription is
   * in place and it reaches envmon.readings, then an unreadable payload for the DLQ.
   */
  private static void sendMqtt(Mosquitto mqtt, String bootstrap) throws Exception {
    String topic = "envmon/stations/SecretAir/readings";
    String time = ZonedDateTime.now(ZoneOffset.UTC).minusHours(2).withMinute(0).withSecond(0).withNano(0).toString();
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "secrets-it-readings");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(p,
        Topics.READINGS.keySerde().deserializer(), Topics.READINGS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.READINGS.name()));
      Awaitility.await("a reading ingested over MQTT").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500)).until(() -> {
            mqtt.publish(topic, "{\"station\":\"SecretAir\",\"parameter\":\"PM10\",\"time\":\"" + time
                + "\",\"value\":71}");
            boolean[] seen = {false};
            consumer.poll(Duration.ofMillis(300)).forEach(r -> seen[0] |= "mqtt".equals(r.value().getSource()));
            return seen[0];
          });
    }
    mqtt.publish(topic, "MQTT payload that is not JSON");
  }

  private static List<String> readDlq(String bootstrap, int atLeast) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "secrets-it");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> payloads = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(p,
        Topics.READINGS_DLQ.keySerde().deserializer(), Topics.READINGS_DLQ.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.READINGS_DLQ.name()));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> payloads.add(r.value().getPayload() + " | "
            + r.value().getReason()));
        return payloads.size() >= atLeast;
      });
    }
    return payloads;
  }
}
