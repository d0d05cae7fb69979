package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationRate;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one station or one host may take of the real server, over real sockets with the test's own
 * logger client: connections per station (the oldest closed for a newer one), unauthenticated
 * connections per host, and packets per second per station, where a flood is slowed down (nothing lost) while another station is not.
 * Kafka is an in-memory publisher that acknowledges at once.
 */
class Hj212StationLimitsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
  private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
  private static final String MN_A = "88888880000001";
  private static final String MN_B = "88888880000002";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final org.envmon.ingest.json.RecordingPublisher publisher = new org.envmon.ingest.json.RecordingPublisher();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<LoggerClient> clients = new ArrayList<>();
  private Hj212Server server;

  private void start(Hj212ServerOptions.Builder options) {
    InMemoryStations stations = new InMemoryStations(
        InMemoryStations.station("station-a", Medium.AIR, MN_A, "123456", false),
        InMemoryStations.station("station-b", Medium.AIR, MN_B, "123456", false));
    server = new Hj212Server(options.host("127.0.0.1").port(0).build(), stations,
        new ReadingValidator(stations, CLOCK, Duration.ofMinutes(10)), publisher, Hj212Mapping.defaults(), registry);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    for (LoggerClient c : clients) {
      c.close();
    }
    server.close();
  }

  private LoggerClient connect() throws IOException {
    return connect(READ_TIMEOUT);
  }

  private LoggerClient connect(Duration readTimeout) throws IOException {
    LoggerClient client = new LoggerClient(server.port(), readTimeout);
    clients.add(client);
    return client;
  }

  /** Minute data of {@code mn}, minute {@code n} of 2026-11-20, asking for the 9014 answer. */
  private static byte[] upload(String mn, int n) {
    String dataTime = LocalDateTime.of(2026, 11, 20, 0, 0).plusMinutes(n).format(DATA_TIME);
    return LoggerFrames.frame("QN=" + dataTime + "000;ST=22;CN=2051;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
        + dataTime + ";a34004-Avg=" + n + ",a34004-Flag=N&&");
  }

  private static String sendAndAnswer(LoggerClient client, byte[] frame) throws IOException {
    client.send(frame);
    return client.readAnswer();
  }

  private long readingsOf(String station) {
    return publisher.readings.stream().filter(r -> r.getStationId().equals(station)).count();
  }

  private double openConnections() {
    return registry.get("envmon.hj212.connections.open").gauge().value();
  }

  private double counter(String name) {
    return registry.get(name).counter().count();
  }

  @Test
  void aStationsConnectionBeyondItsMaximumClosesItsOldestConnectionWhileAnotherStationIsUntouched()
      throws Exception {
    start(Hj212ServerOptions.builder().maxConnectionsPerStation(2));
    LoggerClient b = connect();
    assertThat(sendAndAnswer(b, upload(MN_B, 0))).contains("CN=9014");
    LoggerClient a1 = connect();
    assertThat(sendAndAnswer(a1, upload(MN_A, 0))).contains("CN=9014");
    LoggerClient a2 = connect();
    assertThat(sendAndAnswer(a2, upload(MN_A, 1))).contains("CN=9014");

    // A logger reconnecting while its older connections still look alive to the server.
    LoggerClient a3 = connect();
    assertThat(sendAndAnswer(a3, upload(MN_A, 2))).as("the third connection of station A is admitted")
        .contains("CN=9014");
    assertThat(a1.closedByServer()).as("A's oldest connection, closed by the server").isTrue();
    assertThat(a2.closedByServer(Duration.ofMillis(300))).as("A's second connection stays open").isFalse();
    assertThat(sendAndAnswer(a2, upload(MN_A, 3))).contains("CN=9014");
    assertThat(sendAndAnswer(b, upload(MN_B, 1))).as("station B's connection is untouched").contains("CN=9014");

    assertThat(readingsOf("station-a")).as("every packet of A taken").isEqualTo(4);
    assertThat(readingsOf("station-b")).isEqualTo(2);
    assertThat(publisher.deadLetters).isEmpty();
    assertThat(counter("envmon.hj212.connections.evicted.station")).isEqualTo(1);

    LoggerClient a4 = connect();
    assertThat(sendAndAnswer(a4, upload(MN_A, 4))).contains("CN=9014");
    assertThat(a2.closedByServer()).as("then the next oldest, still at most 2 for A").isTrue();
    assertThat(sendAndAnswer(a3, upload(MN_A, 5))).contains("CN=9014");
    assertThat(counter("envmon.hj212.connections.evicted.station")).isEqualTo(2);
    assertThat(sendAndAnswer(b, upload(MN_B, 2))).contains("CN=9014");
  }

  @Test
  void oneHostHoldsAtMostItsMaximumOfConnectionsThatHaveNotAuthenticated() throws Exception {
    start(Hj212ServerOptions.builder().maxUnauthenticatedPerHost(2));
    LoggerClient silent1 = connect(Duration.ofMillis(300));
    LoggerClient silent2 = connect(Duration.ofMillis(300));
    // The server admits a connection on its event loop, after the client's connect returned:
    // wait until both are admitted before the third arrives.
    await().atMost(Duration.ofSeconds(5)).until(() -> openConnections() == 2);
    assertThat(silent1.closedByServer()).isFalse();
    assertThat(silent2.closedByServer()).isFalse();
    LoggerClient third = connect();
    assertThat(third.closedByServer()).as("a third connection from 127.0.0.1 that has not authenticated").isTrue();
    assertThat(counter("envmon.hj212.connections.refused.host")).isEqualTo(1);

    assertThat(sendAndAnswer(silent1, upload(MN_A, 0))).contains("CN=9014");
    LoggerClient fourth = connect();
    assertThat(sendAndAnswer(fourth, upload(MN_B, 0))).as("authenticating freed a slot").contains("CN=9014");
  }

  @Test
  void aFloodingStationIsSlowedDownWithNothingLostWhileAnotherStationIsNotDelayed() throws Exception {
    int packets = 300;
    StationRate rate = new StationRate(100, 10);
    start(Hj212ServerOptions.builder().stationRate(rate));
    LoggerClient flood = connect();
    LoggerClient other = connect();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < packets; i++) {
      all.writeBytes(upload(MN_A, i));
    }

    long start = System.nanoTime();
    // The server stops reading the flooding connection, so the write may block: write aside.
    CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
      try {
        flood.send(all.toByteArray());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> counter("envmon.hj212.packets.throttled") > 0);
    List<Long> otherMillis = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // station B sends while station A is being held back
      long sent = System.nanoTime();
      assertThat(sendAndAnswer(other, upload(MN_B, i))).contains("CN=9014");
      otherMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
    }
    long stillWaiting = packets - readingsOf("station-a");
    for (int i = 0; i < packets; i++) {
      assertThat(flood.readAnswer()).contains("CN=9014");
    }
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    written.get(5, TimeUnit.SECONDS);

    System.out.printf(Locale.ROOT, "HJ 212 station rate %s: %d packets in %d ms; the other station's round trips"
        + " meanwhile %s ms%n", rate, packets, elapsedMillis, otherMillis);
    // 10 at once, then 100/s: the last of 300 cannot be taken before 2.9 s.
    assertThat(elapsedMillis).isBetween(2_800L, 15_000L);
    assertThat(readingsOf("station-a")).as("nothing lost: every packet published").isEqualTo(packets);
    assertThat(publisher.deadLetters).isEmpty();
    assertThat(stillWaiting).as("station A was still held back while B's packets went through").isPositive();
    assertThat(otherMillis).allSatisfy(ms -> assertThat(ms).isLessThan(1_000L));
    assertThat(readingsOf("station-b")).isEqualTo(5);
  }
}
