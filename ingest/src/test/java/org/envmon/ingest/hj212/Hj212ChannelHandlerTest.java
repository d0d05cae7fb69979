package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationRate;
import org.envmon.ingest.core.StationRateLimiter;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.Test;

/**
 * The Netty glue on Netty's in-process channel: answer timing, back-pressure, oversize, and the
 * per-station limits on a frozen channel clock moved in step with the rate limiter's.
 */
class Hj212ChannelHandlerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
  private static final long MS = 1_000_000L;
  private final RecordingPublisher publisher = new RecordingPublisher().holdAcknowledgements();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Hj212Metrics metrics = new Hj212Metrics(registry);
  private final AtomicLong nanos = new AtomicLong();

  private EmbeddedChannel channel(int maxSegmentLength) {
    return new EmbeddedChannel(new Hj212ChannelHandler(maxSegmentLength, packets(publisher), metrics));
  }

  private Hj212PacketHandler packets(RecordingPublisher to) {
    InMemoryStations stations = new InMemoryStations(
        InMemoryStations.station("Dongsi", Medium.AIR, "M1", "123456", false));
    return new Hj212PacketHandler(stations, new ReadingValidator(stations, CLOCK, Duration.ofMinutes(10)), to,
        Hj212Mapping.defaults(), new Hj212DuplicateFilter(1000, Duration.ofHours(1), CLOCK), metrics, CLOCK);
  }

  /** Connections sharing {@code limits}, publishing to an acknowledging publisher. */
  private EmbeddedChannel limited(Hj212PacketHandler packets, Hj212Limits limits) {
    EmbeddedChannel channel = new EmbeddedChannel(new Hj212ChannelHandler(9999, Duration.ofMinutes(10), packets,
        metrics, limits, null));
    channel.freezeTime();
    return channel;
  }

  private void advance(EmbeddedChannel channel, long nanoseconds) {
    nanos.addAndGet(nanoseconds);
    channel.advanceTimeBy(nanoseconds, TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
  }

  private double counter(String name) {
    return registry.get(name).counter().count();
  }

  private static String upload(int n) {
    return LoggerFrames.wire(String.format("QN=20261121060000%03d;ST=22;CN=2061;PW=123456;MN=M1;Flag=5;"
        + "CP=&&DataTime=20261120%02d0000;a34004-Avg=%d&&", n, n % 24, n)) + "\r\n";
  }

  private static String readOutbound(EmbeddedChannel channel) {
    ByteBuf buf = channel.readOutbound();
    try {
      return buf == null ? null : buf.toString(StandardCharsets.UTF_8);
    } finally {
      if (buf != null) {
        buf.release();
      }
    }
  }

  @Test
  void aPacketInPiecesIsAnsweredOnlyOnceKafkaAcknowledged() {
    EmbeddedChannel channel = channel(9999);
    byte[] bytes = upload(1).getBytes(StandardCharsets.UTF_8);
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, 10));
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, 10, 50));
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, 60, bytes.length - 60));
    channel.runPendingTasks();

    assertThat(publisher.readings).hasSize(1);
    assertThat(readOutbound(channel)).isNull();

    publisher.pendingPublishes.get(0).complete(null);
    channel.runPendingTasks();
    assertThat(readOutbound(channel)).startsWith("##").contains("QN=20261121060000001;ST=91;CN=9014;").endsWith("\r\n");
    channel.finishAndReleaseAll();
  }

  @Test
  void readingStopsWhileTooManyPacketsWaitForKafkaAndResumesAfterwards() {
    EmbeddedChannel channel = channel(9999);
    for (int i = 0; i < Hj212ChannelHandler.MAX_IN_FLIGHT; i++) {
      channel.writeInbound(Unpooled.copiedBuffer(upload(i), StandardCharsets.UTF_8));
    }
    assertThat(channel.config().isAutoRead()).isFalse();

    publisher.pendingPublishes.get(0).complete(null);
    channel.runPendingTasks();
    assertThat(channel.config().isAutoRead()).isTrue();
    assertThat(readOutbound(channel)).contains("QN=20261121060000000;");
    channel.finishAndReleaseAll();
  }

  @Test
  void anOversizedLengthClosesTheConnection() {
    EmbeddedChannel channel = channel(100);
    channel.writeInbound(Unpooled.copiedBuffer("##0200QN=1;", StandardCharsets.US_ASCII));

    assertThat(channel.isOpen()).isFalse();
    assertThat(publisher.deadLetters).extracting(d -> d.getReasonCode()).containsExactly("OVERSIZED");
  }

  @Test
  void aPacketBeyondItsStationsRateWaitsWithReadingStoppedAndNothingIsLost() {
    RecordingPublisher acking = new RecordingPublisher();
    // 10 packets/s (one every 100 ms), burst 2.
    Hj212Limits limits = new Hj212Limits(4, 100,
        new StationRateLimiter(new StationRate(10, 2), 100, nanos::get), metrics);
    EmbeddedChannel channel = limited(packets(acking), limits);

    channel.writeInbound(Unpooled.copiedBuffer(upload(0) + upload(1) + upload(2) + upload(3), StandardCharsets.UTF_8));
    assertThat(acking.readings).as("the burst").hasSize(2);
    assertThat(channel.config().isAutoRead()).as("reading stops while a packet waits").isFalse();

    advance(channel, 99 * MS);
    assertThat(acking.readings).hasSize(2);
    advance(channel, MS);
    assertThat(acking.readings).as("one more after 100 ms; the next waits again").hasSize(3);
    assertThat(channel.config().isAutoRead()).isFalse();
    advance(channel, 100 * MS);
    assertThat(acking.readings).hasSize(4);
    assertThat(channel.config().isAutoRead()).as("reading resumes once nothing waits").isTrue();

    channel.runPendingTasks(); // the answers are written on the channel's executor
    for (int i = 0; i < 4; i++) {
      assertThat(readOutbound(channel)).as("answers in order").contains("QN=20261121060000" + String.format("%03d", i));
    }
    assertThat(acking.deadLetters).isEmpty();
    assertThat(counter("envmon.hj212.packets.throttled")).isEqualTo(2);
    channel.finishAndReleaseAll();
  }

  @Test
  void aStationsNewConnectionAtItsMaximumClosesItsOldestConnectionAndIsAnswered() {
    RecordingPublisher acking = new RecordingPublisher();
    Hj212PacketHandler packets = packets(acking);
    Hj212Limits limits = new Hj212Limits(2, 100, new StationRateLimiter(new StationRate(1000, 1000)), metrics);
    EmbeddedChannel oldest = limited(packets, limits);
    EmbeddedChannel second = limited(packets, limits);
    EmbeddedChannel newest = limited(packets, limits);

    oldest.writeInbound(Unpooled.copiedBuffer(upload(0), StandardCharsets.UTF_8));
    second.writeInbound(Unpooled.copiedBuffer(upload(1), StandardCharsets.UTF_8));
    assertThat(counter("envmon.hj212.connections.evicted.station")).isZero();
    newest.writeInbound(Unpooled.copiedBuffer(upload(2), StandardCharsets.UTF_8));
    for (EmbeddedChannel c : new EmbeddedChannel[] {oldest, second, newest}) {
      c.runPendingTasks(); // the eviction and the answers run on each channel's executor
    }

    assertThat(oldest.isOpen()).as("the oldest connection made room").isFalse();
    assertThat(second.isOpen()).isTrue();
    assertThat(readOutbound(newest)).as("the newest connection is admitted").contains("CN=9014");
    assertThat(acking.readings).as("every packet taken").hasSize(3);
    assertThat(limits.connections("Dongsi")).isEqualTo(2);
    assertThat(counter("envmon.hj212.connections.evicted.station")).isEqualTo(1);

    second.close();
    assertThat(limits.connections("Dongsi")).as("a connection closing gives its slot back").isEqualTo(1);
    EmbeddedChannel fourth = limited(packets, limits);
    fourth.writeInbound(Unpooled.copiedBuffer(upload(3), StandardCharsets.UTF_8));
    fourth.runPendingTasks();
    newest.runPendingTasks();
    assertThat(readOutbound(fourth)).contains("CN=9014");
    assertThat(newest.isOpen()).as("below the maximum nothing is evicted").isTrue();
    assertThat(counter("envmon.hj212.connections.evicted.station")).isEqualTo(1);
    newest.finishAndReleaseAll();
    fourth.finishAndReleaseAll();
  }
}
