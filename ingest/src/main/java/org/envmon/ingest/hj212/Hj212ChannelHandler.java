package org.envmon.ingest.hj212;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty glue for one logger connection: feeds received bytes to its own frame decoder, hands
 * frames to the shared packet handler and writes the answer when (and only if) the handler's
 * future completes with one. Closes the connection on an oversized frame or read idleness.
 *
 * <p>The shared {@link Hj212Limits} apply here. The first authenticated packet of each station
 * counts the connection against that station (at its maximum, the station's oldest connection is
 * closed to make room: it is most likely one a reconnecting logger left half-open), and frees the
 * connection's slot among its host's unauthenticated ones. A packet beyond its station's rate
 * waits, with every frame after it, while the connection is not read: TCP slows the logger down
 * and nothing is lost.
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
  private final Hj212Limits limits;
  private final long frameTimeoutNanos;
  private String remote = "?";
  private boolean closing;
  // The fields below are touched only on this channel's event loop.
  private int inFlight;
  private long lastFrameNanos = System.nanoTime();
  /** The connection's slot among its host's unauthenticated connections, until it authenticates. */
  private String unauthenticatedHost;
  /** Stations this connection is counted against. */
  private final Set<String> stations = new HashSet<>();
  /** This connection in the per-station counts; made at its first authenticated packet. */
  private Hj212Limits.Connection counted;
  /** A packet waiting for its station's rate limit; while set, the connection is not read. */
  private Hj212PacketHandler.Admitted throttled;
  /** Frames decoded after {@link #throttled}, in order: at most what one read delivered. */
  private final Deque<Hj212Frame> queued = new ArrayDeque<>();

  /** With the default limits and no host slot (tests on Netty's in-process channel). */
  Hj212ChannelHandler(int maxSegmentLength, Hj212PacketHandler packets, Hj212Metrics metrics) {
    this(maxSegmentLength, Hj212ServerOptions.builder().build().readIdleTimeout(), packets, metrics,
        new Hj212Limits(Hj212ServerOptions.builder().build(), metrics), null);
  }

  /**
   * @param frameTimeout       a connection that keeps sending bytes but completes no frame for this
   *                           long is closed (a trickle resets the read-idle timer, so that alone cannot)
   * @param limits             the server's per-station and per-host limits
   * @param unauthenticatedHost the host whose unauthenticated slot this connection holds
   *                           ({@link Hj212Limits#admitUnauthenticated}), or null for none
   */
  Hj212ChannelHandler(int maxSegmentLength, Duration frameTimeout, Hj212PacketHandler packets,
                      Hj212Metrics metrics, Hj212Limits limits, String unauthenticatedHost) {
    this.decoder = new Hj212FrameDecoder(maxSegmentLength);
    this.packets = packets;
    this.metrics = metrics;
    this.limits = limits;
    this.frameTimeoutNanos = frameTimeout.toNanos();
    this.unauthenticatedHost = unauthenticatedHost;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // Close listeners run on the channel's event loop, like everything else touching these fields.
    ctx.channel().closeFuture().addListener(f -> releaseLimits());
  }

  /** Closes this connection for a newer one of its station; may be called on any thread. */
  private void evict(ChannelHandlerContext ctx) {
    ctx.executor().execute(() -> {
      if (!closing) {
        LOG.debug("closing HJ 212 connection from {}: a newer connection of its station took its slot", remote);
        close(ctx);
      }
    });
  }

  private void releaseLimits() {
    if (unauthenticatedHost != null) {
      limits.releaseUnauthenticated(unauthenticatedHost);
      unauthenticatedHost = null;
    }
    stations.forEach(station -> limits.releaseConnection(station, counted));
    stations.clear();
    queued.clear();
    throttled = null;
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
        close(ctx);
        LOG.warn("closing HJ 212 connection from {}: bytes keep arriving but no complete frame for over {} s",
            remote, frameTimeoutNanos / 1_000_000_000L);
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
        close(ctx);
        LOG.warn("closing HJ 212 connection from {}: {}", remote, error.error().message());
      }
    } else if (event instanceof Hj212FrameDecoder.FrameEvent frame) {
      lastFrameNanos = System.nanoTime();
      if (throttled != null) {
        queued.add(frame.frame()); // keeps the order; reading already stopped
      } else {
        process(ctx, frame.frame());
      }
    }
  }

  /** Checks one frame and sends it on, unless the connection must close or the frame must wait. */
  private void process(ChannelHandlerContext ctx, Hj212Frame frame) {
    Hj212PacketHandler.Checked checked = check(frame);
    if (!(checked instanceof Hj212PacketHandler.Admitted admitted)) {
      track(ctx, ((Hj212PacketHandler.Refused) checked).outcome());
      return;
    }
    if (!stations.contains(admitted.station().id())) {
      if (counted == null) {
        counted = new Hj212Limits.Connection(remote, () -> evict(ctx));
      }
      limits.claimConnection(admitted.station(), counted);
      stations.add(admitted.station().id());
      if (unauthenticatedHost != null) {
        limits.releaseUnauthenticated(unauthenticatedHost);
        unauthenticatedHost = null;
      }
    }
    sendOrWait(ctx, admitted);
  }

  private void sendOrWait(ChannelHandlerContext ctx, Hj212PacketHandler.Admitted admitted) {
    long delay = limits.packetDelayNanos(admitted.station(), remote);
    if (delay > 0) {
      throttled = admitted;
      updateAutoRead(ctx);
      ctx.executor().schedule(() -> retryThrottled(ctx), delay, TimeUnit.NANOSECONDS);
      return;
    }
    track(ctx, dispatch(admitted));
  }

  /** The station's bucket had time to refill: send the waiting packet, then what queued behind it. */
  private void retryThrottled(ChannelHandlerContext ctx) {
    if (closing || throttled == null || !ctx.channel().isActive()) {
      return;
    }
    Hj212PacketHandler.Admitted waiting = throttled;
    throttled = null;
    sendOrWait(ctx, waiting);
    while (throttled == null && !closing && !queued.isEmpty()) {
      process(ctx, queued.poll());
    }
    updateAutoRead(ctx);
  }

  /** Reads while nothing waits for the rate limit and fewer than MAX_IN_FLIGHT packets wait for Kafka. */
  private void updateAutoRead(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(!closing && throttled == null && inFlight < MAX_IN_FLIGHT);
  }

  private void close(ChannelHandlerContext ctx) {
    closing = true;
    queued.clear();
    throttled = null;
    ctx.close();
  }

  /** Counts the packet as in flight until its outcome, then answers it on this channel's event loop. */
  private void track(ChannelHandlerContext ctx, CompletableFuture<Optional<Hj212Answers.Answer>> outcome) {
    inFlight++;
    updateAutoRead(ctx);
    // Kafka completes the future on its I/O thread: continue on this channel's event loop.
    outcome.whenCompleteAsync((answer, failure) -> {
      inFlight--;
      updateAutoRead(ctx);
      answer(ctx, answer, failure);
    }, ctx.executor());
  }

  private Hj212PacketHandler.Checked check(Hj212Frame frame) {
    try {
      return packets.check(frame, remote);
    } catch (RuntimeException e) {
      return new Hj212PacketHandler.Refused(unexpected(e));
    }
  }

  private CompletableFuture<Optional<Hj212Answers.Answer>> dispatch(Hj212PacketHandler.Admitted admitted) {
    try {
      return packets.dispatch(admitted, remote);
    } catch (RuntimeException e) {
      return unexpected(e);
    }
  }

  private CompletableFuture<Optional<Hj212Answers.Answer>> unexpected(RuntimeException e) {
    LOG.error("unexpected failure handling an HJ 212 packet from {}; left unanswered", remote, e);
    return CompletableFuture.failedFuture(e);
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
