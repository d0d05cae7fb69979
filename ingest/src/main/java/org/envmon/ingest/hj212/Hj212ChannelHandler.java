package org.envmon.ingest.hj212;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty glue for one logger connection: feeds received bytes to its own frame decoder, hands
 * frames to the shared packet handler and writes the answer when (and only if) the handler's
 * future completes with one. Closes the connection on an oversized frame or read idleness.
 */
final class Hj212ChannelHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212ChannelHandler.class);
  /**
   * Packets of one connection waiting for Kafka; beyond this the connection stops reading until
   * some complete, so a fast logger cannot pile up unbounded work while Kafka is slow.
   */
  static final int MAX_IN_FLIGHT = 32;

  private final Hj212FrameDecoder decoder;
  private final Hj212PacketHandler packets;
  private final Hj212Metrics metrics;
  private final long frameTimeoutNanos;
  private String remote = "?";
  private boolean closing;
  private int inFlight; // touched only on this channel's event loop
  private long lastFrameNanos = System.nanoTime();

  Hj212ChannelHandler(int maxSegmentLength, Hj212PacketHandler packets, Hj212Metrics metrics) {
    this(maxSegmentLength, Hj212ServerOptions.builder().build().readIdleTimeout(), packets, metrics);
  }

  /**
   * @param frameTimeout a connection that keeps sending bytes but completes no frame for this long
   *                     is closed (a trickle resets the read-idle timer, so that alone cannot)
   */
  Hj212ChannelHandler(int maxSegmentLength, Duration frameTimeout, Hj212PacketHandler packets,
                      Hj212Metrics metrics) {
    this.decoder = new Hj212FrameDecoder(maxSegmentLength);
    this.packets = packets;
    this.metrics = metrics;
    this.frameTimeoutNanos = frameTimeout.toNanos();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    remote = String.valueOf(ctx.channel().remoteAddress());
    LOG.debug("HJ 212 connection from {}", remote);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (closing || !(msg instanceof ByteBuf buf)) {
        return;
      }
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      decoder.feed(bytes, 0, bytes.length, event -> onEvent(ctx, event));
      if (!closing && System.nanoTime() - lastFrameNanos > frameTimeoutNanos) {
        closing = true;
        LOG.warn("closing HJ 212 connection from {}: bytes keep arriving but no complete frame for over {} s",
            remote, frameTimeoutNanos / 1_000_000_000L);
        ctx.close();
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onEvent(ChannelHandlerContext ctx, Hj212FrameDecoder.Event event) {
    if (closing) {
      return;
    }
    if (event instanceof Hj212FrameDecoder.ErrorEvent error) {
      packets.decodeError(error.error(), remote);
      if (error.error().kind() == Hj212DecodeError.Kind.OVERSIZED) {
        closing = true;
        LOG.warn("closing HJ 212 connection from {}: {}", remote, error.error().message());
        ctx.close();
      }
    } else if (event instanceof Hj212FrameDecoder.FrameEvent frame) {
      lastFrameNanos = System.nanoTime();
      if (++inFlight == MAX_IN_FLIGHT) {
        ctx.channel().config().setAutoRead(false);
      }
      // Kafka completes the future on its I/O thread: continue on this channel's event loop.
      handle(frame.frame()).whenCompleteAsync((answer, failure) -> {
        if (inFlight-- == MAX_IN_FLIGHT) {
          ctx.channel().config().setAutoRead(true);
        }
        answer(ctx, answer, failure);
      }, ctx.executor());
    }
  }

  private CompletableFuture<Optional<Hj212Answers.Answer>> handle(Hj212Frame frame) {
    try {
      return packets.handle(frame, remote);
    } catch (RuntimeException e) {
      LOG.error("unexpected failure handling an HJ 212 packet from {}; left unanswered", remote, e);
      return CompletableFuture.failedFuture(e);
    }
  }

  private void answer(ChannelHandlerContext ctx, Optional<Hj212Answers.Answer> answer, Throwable failure) {
    if (failure != null || answer.isEmpty()) {
      return; // failures were logged by the packet handler; silence makes the logger retransmit
    }
    Hj212Answers.Answer a = answer.get();
    ctx.writeAndFlush(Unpooled.wrappedBuffer(a.frame())).addListener(f -> {
      if (f.isSuccess()) {
        metrics.answerSent(a.cn());
      } else {
        LOG.info("could not send CN={} answer to {}: {}", a.cn(), remote, String.valueOf(f.cause()));
      }
    });
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      LOG.info("closing idle HJ 212 connection from {}", remote);
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof java.io.IOException) {
      LOG.info("HJ 212 connection from {} failed: {}", remote, cause.toString()); // resets are routine
    } else {
      LOG.warn("closing HJ 212 connection from {} after an error", remote, cause);
    }
    ctx.close();
  }
}
