package org.envmon.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.envmon.ingest.core.StationRate;
import org.envmon.ingest.hj212.Hj212Crc;
import org.envmon.ingest.hj212.Hj212Mapping;
import org.envmon.ingest.hj212.Hj212Server;
import org.envmon.ingest.hj212.Hj212ServerOptions;
import org.envmon.ingest.json.RecordingPublisher;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.schemas.DeadLetter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What bounds one hostile HJ 212 peer: oversized frames and idle or trickling connections are
 * closed, connections beyond the limit are refused, and a connection stops being read while
 * {@value #IN_FLIGHT} of its packets wait for Kafka. A real server on a socket; Kafka is an
 * in-memory publisher whose acknowledgements the test holds back.
 */
class Hj212ResourceLimitsTest {
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final int MAX_CONNECTIONS = 3;
  private static final int MAX_SEGMENT = 1024;
  /** Hj212ChannelHandler.MAX_IN_FLIGHT (package-private there). */
  private static final int IN_FLIGHT = 32;

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final List<Socket> sockets = new ArrayList<>();
  private Hj212Server server;

  @BeforeEach
  void start() {
    start(IDLE);
  }

  private void start(Duration idle) {
    if (server != null) {
      server.close();
    }
    StationRegistry stations = FuzzStations.registry();
    // One station sends 2 000 packets at once below, far above its default rate (50/s after a burst
    // of 500: 30 s). The rate limit is lifted so that this test measures the in-flight bound alone;
    // Hj212StationLimitsTest covers the rate.
    server = new Hj212Server(Hj212ServerOptions.builder().host("127.0.0.1").port(0).readIdleTimeout(idle)
        .maxConnections(MAX_CONNECTIONS).maxSegmentLength(MAX_SEGMENT)
        .stationRate(new StationRate(1_000_000, 1_000_000)).build(), stations,
        FuzzStations.validator(stations), publisher, Hj212Mapping.defaults(), new SimpleMeterRegistry());
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    publisher.releaseAcks();
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
  }

  @Test
  void anOversizedFrameClosesTheConnectionAndIsDeadLettered() throws IOException {
    Socket socket = connect();
    socket.getOutputStream().write(("##9999QN=1;ST=22;CN=2011;PW=123456;MN=" + FuzzStations.AIR_MN + ";CP=&&")
        .getBytes(StandardCharsets.US_ASCII));

    awaitClosed(socket, Duration.ofSeconds(5));
    assertThat(publisher.deadLetters).extracting(DeadLetter::getReasonCode).containsExactly("OVERSIZED");
    assertThat(publisher.deadLetters.get(0).getPayload()).doesNotContain(FuzzStations.PASSWORD);
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeout() throws IOException {
    Socket socket = connect();
    awaitClosed(socket, IDLE.multipliedBy(3));
  }

  @Test
  void aSlowLorisThatNeverCompletesAFrameIsClosed() throws Exception {
    Socket socket = connect();
    byte[] frame = frame(0);
    AtomicBoolean stop = new AtomicBoolean();
    // One byte every fifth of the idle timeout: every read resets a plain read-idle timer.
    Thread trickle = new Thread(() -> {
      try {
        for (int i = 0; !stop.get(); i = (i + 1) % (frame.length - 1)) { // never the final LF
          socket.getOutputStream().write(frame[i]);
          Thread.sleep(IDLE.toMillis() / 5);
        }
      } catch (IOException | InterruptedException e) {
        // closed by the server (what the test waits for) or stopped
      }
    }, "slow-loris");
    trickle.start();
    try {
      awaitClosed(socket, IDLE.multipliedBy(4));
    } finally {
      stop.set(true);
      trickle.interrupt();
      trickle.join();
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce() throws IOException {
    List<Socket> admitted = new ArrayList<>();
    for (int i = 0; i < MAX_CONNECTIONS; i++) {
      admitted.add(connect());
    }
    // The server counts a connection when it sets it up: let all three be answered first.
    for (int i = 0; i < MAX_CONNECTIONS; i++) {
      admitted.get(i).getOutputStream().write(frame(i));
      assertThat(readAnswer(admitted.get(i))).contains("CN=9014");
    }
    Socket refused = connect();
    awaitClosed(refused, Duration.ofSeconds(5));
    admitted.get(0).getOutputStream().write(frame(10));
    assertThat(readAnswer(admitted.get(0))).as("admitted connections keep working").contains("CN=9014");
  }

  @Test
  void aConnectionIsNotReadWhileItsPacketsWaitForKafka() throws IOException {
    start(Duration.ofSeconds(30)); // the test holds Kafka back longer than the short idle timeout
    publisher.holdAcks();
    Socket socket = connect();
    int sent = 2_000;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < sent; i++) {
      all.writeBytes(frame(i));
    }
    socket.getOutputStream().write(all.toByteArray()); // ~270 kB, far more than one read takes
    await().atMost(Duration.ofSeconds(10)).until(() -> publisher.publishAttempts() >= IN_FLIGHT);
    // Reading stops once IN_FLIGHT packets wait; the read that crossed the limit is still decoded,
    // so the bound is IN_FLIGHT plus one read buffer's worth, far below what was sent.
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
        .until(() -> publisher.publishAttempts() < sent / 2);
    int waiting = publisher.publishAttempts();

    publisher.releaseAcks();
    await().atMost(Duration.ofSeconds(20)).until(() -> publisher.publishAttempts() == sent);
    for (int i = 0; i < sent; i++) {
      assertThat(readAnswer(socket)).contains("CN=9014");
    }
    assertThat(publisher.readings).hasSize(sent);
    System.out.printf(Locale.ROOT, "HJ 212 in-flight bound: %d of %d packets taken while Kafka was silent%n",
        waiting, sent);
  }

  /** A valid CN=2011 upload from the air station asking for an answer; {@code n} makes the DataTime unique. */
  private static byte[] frame(int n) {
    String dataTime = String.format(Locale.ROOT, "20260501%02d%02d%02d", n / 3600, n / 60 % 60, n % 60);
    String segment = "QN=" + dataTime + "000;ST=22;CN=2011;PW=" + FuzzStations.PASSWORD + ";MN=" + FuzzStations.AIR_MN
        + ";Flag=5;CP=&&DataTime=" + dataTime + ";a34004-Rtd=35.0,a34004-Flag=N&&";
    byte[] body = segment.getBytes(StandardCharsets.US_ASCII);
    return (String.format(Locale.ROOT, "##%04d", body.length) + segment + Hj212Crc.hex(Hj212Crc.hj212(body)) + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(100);
    sockets.add(socket);
    return socket;
  }

  private static void awaitClosed(Socket socket, Duration within) {
    await("server closes the connection").atMost(within).until(() -> isClosedByServer(socket));
  }

  private static boolean isClosedByServer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  private static String readAnswer(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    StringBuilder line = new StringBuilder();
    InputStream in = socket.getInputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.append((char) b);
    }
    socket.setSoTimeout(100);
    return line.toString();
  }
}
