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
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.Test;

/** The Netty glue on Netty's in-process channel: answer timing, back-pressure, oversize. */
class Hj212ChannelHandlerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);
  private final RecordingPublisher publisher = new RecordingPublisher().holdAcknowledgements();

  private EmbeddedChannel channel(int maxSegmentLength) {
    InMemoryStations stations = new InMemoryStations(
        InMemoryStations.station("Dongsi", Medium.AIR, "M1", "123456", false));
    Hj212Metrics metrics = new Hj212Metrics(new SimpleMeterRegistry());
    Hj212PacketHandler packets = new Hj212PacketHandler(stations,
        new ReadingValidator(stations, CLOCK, Duration.ofMinutes(10)), publisher, Hj212Mapping.defaults(),
        new Hj212DuplicateFilter(1000, Duration.ofHours(1), CLOCK), metrics, CLOCK);
    return new EmbeddedChannel(new Hj212ChannelHandler(maxSegmentLength, packets, metrics));
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
}
