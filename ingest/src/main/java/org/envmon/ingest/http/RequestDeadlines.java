package org.envmon.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's handler threads, each exchange on them bounded in time: the JDK server reads
 * a request's headers and the handler its body on these threads with blocking reads and no
 * deadline, so a client trickling a request (slow-loris) would hold a thread for as long as it
 * likes, and a few such clients all of them.
 *
 * <p>An exchange gets {@code timeout} from the moment a thread starts on it (the server hands a
 * connection to a thread once its first bytes arrived) to receive the whole request, headers and
 * body, and to get as far as waiting for Kafka; the wait for Kafka's acknowledgement (or for the
 * health check) is not timed here, since {@link ReadingsHandler} bounds it itself; from its end
 * the exchange has {@code timeout} again to write the answer. A thread past its deadline is
 * interrupted: a blocked read or write on the connection's socket channel then fails with
 * {@link java.nio.channels.ClosedByInterruptException}, which closes the connection, and the
 * server frees the thread. Such an exchange is answered nothing: the client gets a closed
 * connection.
 *
 * <p>The JDK's own {@code sun.net.httpserver.maxReqTime} would bound the request part too, but it
 * is one value for the whole JVM, read once when the first server of the process starts, in whole
 * seconds; this is per server and configured like the rest of envmon.
 */
final class RequestDeadlines implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);
  private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** The exchange running on this thread, when the thread is one of a {@code RequestDeadlines}. */
  private static final ThreadLocal<Watch> CURRENT = new ThreadLocal<>();

  private final ExecutorService threads;
  private final ScheduledExecutorService watchdog;
  private final long timeoutNanos;
  private final Set<Watch> running = ConcurrentHashMap.newKeySet();
  private final Counter timedOut;
  // Touched by the watchdog thread only.
  private long lastLogNanos;
  private int unlogged;

  /** One exchange on one thread: its deadline, if one runs now. Guarded by itself. */
  private static final class Watch {
    final Thread thread;
    final long timeoutNanos;
    long deadlineNanos;
    boolean timed = true;
    boolean expired;
    boolean done;

    Watch(Thread thread, long timeoutNanos) {
      this.thread = thread;
      this.timeoutNanos = timeoutNanos;
      this.deadlineNanos = System.nanoTime() + timeoutNanos;
    }
  }

  /**
   * @param threads  handler threads
   * @param timeout  what each part of an exchange may take (see the class comment)
   * @param registry counts the exchanges closed for their deadline,
   *                 {@code envmon.ingest.http.request.timeouts}
   */
  RequestDeadlines(int threads, Duration timeout, MeterRegistry registry) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("HTTP request timeout must be positive, got " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    AtomicInteger threadNumber = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(threads, r -> daemon(r, "envmon-http-" + threadNumber.incrementAndGet()));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "envmon-http-deadlines"));
    this.timedOut = Counter.builder("envmon.ingest.http.request.timeouts")
        .description("HTTP connections closed because a request did not arrive whole, or its answer could not be"
            + " written, within the request timeout (slow or stalled clients)")
        .register(registry);
    // A quarter of the timeout, at most a second: a connection is closed at most that late.
    long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
    watchdog.scheduleWithFixedDelay(this::expire, tick, tick, TimeUnit.NANOSECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void execute(Runnable exchange) {
    threads.execute(() -> run(exchange));
  }

  private void run(Runnable exchange) {
    Watch watch = new Watch(Thread.currentThread(), timeoutNanos);
    CURRENT.set(watch);
    running.add(watch);
    try {
      exchange.run();
    } finally {
      synchronized (watch) {
        watch.done = true; // no interrupt after this
      }
      running.remove(watch);
      CURRENT.remove();
      Thread.interrupted(); // one that came just before the exchange ended must not hit the next
    }
  }

  /**
   * Stops timing the exchange on this thread, before a wait bounded elsewhere (Kafka's
   * acknowledgement, the health check). False when its deadline has already passed: the thread
   * was interrupted and the connection is being closed, so the caller should start nothing.
   * True on a thread that is not a handler thread.
   */
  static boolean suspend() {
    Watch watch = CURRENT.get();
    if (watch == null) {
      return true;
    }
    synchronized (watch) {
      watch.timed = false;
      return !watch.expired;
    }
  }

  /** Times the exchange on this thread again, with a full timeout from now (to write the answer). */
  static void resume() {
    Watch watch = CURRENT.get();
    if (watch != null) {
      synchronized (watch) {
        watch.deadlineNanos = System.nanoTime() + watch.timeoutNanos;
        watch.timed = true;
      }
    }
  }

  /** Runs on the watchdog thread: interrupts the threads whose exchange is past its deadline. */
  private void expire() {
    long now = System.nanoTime();
    int expired = 0;
    for (Watch watch : running) {
      synchronized (watch) {
        if (!watch.done && watch.timed && !watch.expired && now - watch.deadlineNanos >= 0) {
          watch.expired = true;
          watch.thread.interrupt();
          expired++;
        }
      }
    }
    if (expired == 0) {
      return;
    }
    timedOut.increment(expired);
    unlogged += expired;
    if (lastLogNanos == 0 || now - lastLogNanos >= LOG_INTERVAL_NANOS) {
      LOG.warn("closed {} HTTP connection(s) whose request did not arrive whole, or whose answer could not be"
          + " written, within {} ms (slow or stalled clients; at most one such line a minute)", unlogged,
          TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
      lastLogNanos = now;
      unlogged = 0;
    }
  }

  /** Stops the watchdog and the threads, giving running exchanges up to 5 s. */
  @Override
  public void close() {
    watchdog.shutdownNow();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
