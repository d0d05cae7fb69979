package org.envmon.ingest.hj212;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.StationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HJ 212 TCP endpoint data loggers connect to. {@link #start()} binds, {@link #close()}
 * closes every connection and releases the threads. The publisher stays open: its owner closes it.
 * Beyond the server-wide connection limit, {@link Hj212Limits} bounds what one station and one
 * IP address may take (see {@link Hj212ServerOptions}).
 */
public final class Hj212Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212Server.class);

  private final Hj212ServerOptions options;
  private final Hj212PacketHandler packets;
  private final Hj212Metrics metrics;
  private final Hj212Limits limits;
  private final AtomicInteger open = new AtomicInteger();
  private final ChannelGroup connections = new DefaultChannelGroup("hj212", GlobalEventExecutor.INSTANCE);
  private EventLoopGroup acceptors;
  private EventLoopGroup workers;
  private Channel serverChannel;

  public Hj212Server(Hj212ServerOptions options, StationDirectory stations, ReadingValidator validator,
                     ReadingPublisher publisher, Hj212Mapping mapping, MeterRegistry registry) {
    this.options = options;
    this.metrics = new Hj212Metrics(registry);
    this.limits = new Hj212Limits(options, metrics);
    metrics.openConnections(connections::size);
    Clock clock = Clock.systemUTC();
    this.packets = new Hj212PacketHandler(stations, validator, publisher, mapping,
        new Hj212DuplicateFilter(options.duplicateCacheSize(), options.duplicateTtl(), clock), metrics, clock);
  }

  /** Binds and starts accepting; returns the bound address (useful with port 0). */
  public synchronized InetSocketAddress start() {
    if (serverChannel != null) {
      throw new IllegalStateException("HJ 212 server already started on " + serverChannel.localAddress());
    }
    acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptors, workers)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            admit(ch);
          }
        });
    try {
      serverChannel = bootstrap.bind(options.host(), options.port()).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdownThreads();
      throw new IllegalStateException("interrupted while binding the HJ 212 server", e);
    } catch (RuntimeException e) {
      shutdownThreads();
      throw new IllegalStateException("cannot bind the HJ 212 server to " + options.host() + ":" + options.port()
          + " (" + e.getMessage() + "); is the port in use or the address not local?", e);
    }
    InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
    LOG.info("HJ 212 server listening on {}", address);
    return address;
  }

  /** The bound port; only after {@link #start()}. */
  public synchronized int port() {
    if (serverChannel == null) {
      throw new IllegalStateException("HJ 212 server not started");
    }
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  private void admit(SocketChannel ch) {
    if (open.incrementAndGet() > options.maxConnections()) {
      open.decrementAndGet();
      metrics.connectionRefused();
      LOG.warn("refusing HJ 212 connection from {}: limit of {} connections reached", ch.remoteAddress(),
          options.maxConnections());
      ch.close();
      return;
    }
    ch.closeFuture().addListener(f -> open.decrementAndGet());
    InetSocketAddress peer = ch.remoteAddress();
    String host = peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
    if (!limits.admitUnauthenticated(host)) {
      ch.close();
      return;
    }
    connections.add(ch);
    ch.pipeline()
        .addLast(new IdleStateHandler(options.readIdleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
        .addLast(new Hj212ChannelHandler(options.maxSegmentLength(), options.readIdleTimeout(), packets, metrics,
            limits, host));
  }

  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
      serverChannel = null;
    }
    connections.close().awaitUninterruptibly();
    shutdownThreads();
  }

  private void shutdownThreads() {
    for (EventLoopGroup group : new EventLoopGroup[] {acceptors, workers}) {
      if (group != null) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
    acceptors = null;
    workers = null;
  }
}
