package org.envmon.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.core.StationRateLimiter;
import org.envmon.ingest.json.CheckedBatch;
import org.envmon.ingest.json.CsvReadingParser;
import org.envmon.ingest.json.JsonReadingParser;
import org.envmon.ingest.json.ParsedRecord;
import org.envmon.ingest.json.ReadingIntake;
import org.envmon.ingest.json.Rejection;
import org.envmon.ingest.json.UnreadableInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/readings}: authenticates the station's bearer token, reads a JSON or CSV
 * body of bounded size, refuses the whole request (403) if any record names another station,
 * validates each record and answers only after Kafka acknowledged the accepted readings and the
 * DLQ records of the refused ones: 202 when at least one reading was accepted, 400 when none.
 * A station over its rate or its share of the in-flight budget gets 429 with Retry-After, and
 * nothing of that request is published, so the client can send the same request again.
 */
final class ReadingsHandler implements HttpHandler {
  static final String PATH = "/api/v1/readings";
  static final String SOURCE = "http";
  /** Seconds a client should wait before retrying a request refused because Kafka is behind. */
  static final int RETRY_AFTER_SECONDS = 1;
  private static final Logger LOG = LoggerFactory.getLogger(ReadingsHandler.class);

  private final StationTokenAuthenticator authenticator;
  private final ReadingIntake intake;
  private final PublishPermits permits;
  private final StationRateLimiter rate;
  private final IngestCounters counters;
  private final int maxBodyBytes;
  private final Duration ackTimeout;
  private final JsonReadingParser jsonParser = new JsonReadingParser(SOURCE);
  private final CsvReadingParser csvParser = new CsvReadingParser(SOURCE);

  ReadingsHandler(StationTokenAuthenticator authenticator, ReadingIntake intake, PublishPermits permits,
                  StationRateLimiter rate, IngestCounters counters, int maxBodyBytes, Duration ackTimeout) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.permits = Objects.requireNonNull(permits, "permits");
    this.rate = Objects.requireNonNull(rate, "rate");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.maxBodyBytes = maxBodyBytes;
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (RuntimeException e) {
      LOG.error("POST {} from {} failed", PATH, remote(exchange), e);
      HttpExchanges.error(exchange, 500, "internal error: " + e.getMessage());
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    if (!PATH.equals(exchange.getRequestURI().getPath())) {
      HttpExchanges.error(exchange, 404, "no such resource; readings go to POST " + PATH);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      HttpExchanges.error(exchange, 405, PATH + " accepts POST only");
      return;
    }
    Optional<StationEntry> station = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
    if (station.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"envmon\"");
      HttpExchanges.error(exchange, 401, "missing or unknown bearer token: send 'Authorization: Bearer <token>'"
          + " with the token issued for your station");
      return;
    }
    String stationId = station.get().id();
    StationRateLimiter.Decision exhausted = rate.check(stationId, 1);
    if (!exhausted.granted()) { // no token left at all: refuse before reading and parsing the body
      rateLimited(exchange, stationId, exhausted);
      return;
    }
    String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
        .orElse("application/json").toLowerCase(Locale.ROOT);
    boolean csv = contentType.startsWith("text/csv");
    if (!csv && !contentType.startsWith("application/json")) {
      HttpExchanges.error(exchange, 415, "unsupported Content-Type '" + contentType
          + "'; send application/json (one reading or an array) or text/csv (with a header line)");
      return;
    }
    Optional<String> body = readBounded(exchange);
    if (body.isEmpty()) {
      HttpExchanges.error(exchange, 413, "body larger than " + maxBodyBytes
          + " bytes; split the readings into smaller requests");
      return;
    }
    List<ParsedRecord> records;
    try {
      records = csv ? csvParser.parse(body.get()) : jsonParser.parse(body.get());
    } catch (UnreadableInputException e) {
      answer(exchange, stationId, CheckedBatch.unreadable(new Rejection(-1, RejectReason.MALFORMED, e.getMessage(),
          stationId, body.get())));
      return;
    }
    if (records.isEmpty()) {
      HttpExchanges.error(exchange, 400, "the CSV body holds a header but no readings");
      return;
    }
    List<Integer> foreign = records.stream()
        .filter(r -> r.stationId() != null && !r.stationId().equals(stationId))
        .map(ParsedRecord::index).toList();
    if (!foreign.isEmpty()) {
      HttpExchanges.error(exchange, 403, "the token is station " + stationId + "'s but record(s) " + foreign
          + " name another station; a token may send only its own station's readings (nothing was accepted)");
      return;
    }
    answer(exchange, stationId, intake.check(records));
  }

  /**
   * Publishes the batch within the in-flight budget and the station's rate, and answers once
   * Kafka has it. Every refusal here comes before anything is published.
   */
  private void answer(HttpExchange exchange, String stationId, CheckedBatch batch) throws IOException {
    PublishPermits.Taken taken = permits.tryAcquire(stationId, batch.size());
    if (taken.shortage() == PublishPermits.Shortage.SERVER) {
      LOG.warn("refusing {} records from {}: too many readings await Kafka's acknowledgement", batch.size(),
          remote(exchange));
      retryLater(exchange, "too many readings are waiting for Kafka; retry in " + RETRY_AFTER_SECONDS + " s");
      return;
    }
    if (!taken.granted()) {
      if (taken.shortage() == PublishPermits.Shortage.STATION_FIRST) {
        LOG.warn("refusing requests of station {} with 429: its readings already awaiting Kafka reach its share"
            + " (logged once until some are acknowledged)", stationId);
      }
      counters.throttled(SOURCE);
      tooManyRequests(exchange, RETRY_AFTER_SECONDS, "IN_FLIGHT_LIMIT", "station " + stationId
          + " already has as many readings waiting for Kafka as one station may; retry in " + RETRY_AFTER_SECONDS
          + " s (nothing of this request was accepted)");
      return;
    }
    StationRateLimiter.Decision allowed = rate.tryAcquire(stationId, batch.size());
    if (!allowed.granted()) {
      permits.release(stationId, taken.permits());
      rateLimited(exchange, stationId, allowed);
      return;
    }
    if (!RequestDeadlines.suspend()) { // the request took too long to arrive: its connection is being closed
      permits.release(stationId, taken.permits());
      return;
    }
    CompletableFuture<Void> acked = intake.publish(batch, SOURCE, remote(exchange));
    // Permits come back when Kafka answers, not when we stop waiting: that is the backpressure.
    acked.whenComplete((ok, error) -> permits.release(stationId, taken.permits()));
    try {
      try {
        acked.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS); // bounded by ackTimeout, not the request timeout
      } finally {
        RequestDeadlines.resume(); // from here writing the answer has its own deadline
      }
    } catch (TimeoutException e) {
      LOG.warn("Kafka did not acknowledge {} records from {} within {}", batch.size(), remote(exchange), ackTimeout);
      retryLater(exchange, "Kafka did not acknowledge within " + ackTimeout.toSeconds()
          + " s; retry (a retry may store some readings twice, as identical copies)");
      return;
    } catch (ExecutionException e) {
      LOG.warn("Kafka refused {} records from {}: {}", batch.size(), remote(exchange), e.getCause().toString());
      retryLater(exchange, "Kafka did not take the readings (" + e.getCause().getMessage() + "); retry");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retryLater(exchange, "server shutting down; retry");
      return;
    }
    HttpExchanges.json(exchange, batch.accepted().isEmpty() ? 400 : 202, IngestResponse.of(batch));
  }

  private static void retryLater(HttpExchange exchange, String message) throws IOException {
    exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    HttpExchanges.error(exchange, 503, message);
  }

  private void rateLimited(HttpExchange exchange, String stationId, StationRateLimiter.Decision decision)
      throws IOException {
    if (decision.episodeStart()) {
      LOG.warn("station {} sends faster than {} readings/s (burst {}): answering 429 until it slows down"
          + " (logged once per episode)", stationId, rate.rate().perSecond(), rate.rate().burst());
    }
    counters.throttled(SOURCE);
    tooManyRequests(exchange, decision.retryAfterSeconds(), RejectReason.RATE_LIMITED.name(), "station " + stationId
        + " sends more than " + rate.rate().perSecond() + " readings/s (burst " + rate.rate().burst()
        + "); retry this request in " + decision.retryAfterSeconds() + " s (nothing of it was accepted)");
  }

  private static void tooManyRequests(HttpExchange exchange, long retryAfterSeconds, String reason, String message)
      throws IOException {
    exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
    HttpExchanges.json(exchange, 429, Map.of("error", message, "reason", reason));
  }

  /** The body as UTF-8, or empty when it is longer than the limit (read no further than that). */
  private Optional<String> readBounded(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > maxBodyBytes) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        // A broken header: the bounded read below decides.
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + n > maxBodyBytes) {
          return Optional.empty();
        }
        out.write(buffer, 0, n);
      }
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  private static String remote(HttpExchange exchange) {
    InetSocketAddress a = exchange.getRemoteAddress();
    return a == null ? "unknown" : a.getAddress().getHostAddress() + ":" + a.getPort();
  }
}
