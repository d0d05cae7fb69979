package org.envmon.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.envmon.ingest.core.DeadLetters;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.ReadingValidator;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the receiver does with one framed packet: check the CRC, parse, authenticate, turn data
 * uploads into readings, drop retransmitted values, publish, and decide the answer. The answer
 * future completes only after Kafka acknowledged every record the packet produced (readings and
 * dead letters); it completes empty when no answer is due and exceptionally when Kafka failed,
 * in which case nothing may be sent and the logger will retransmit. Thread-safe.
 */
public final class Hj212PacketHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Hj212PacketHandler.class);
  private static final Pattern PW_FIELD = Pattern.compile("(^|;|##\\d{4})PW=[^;]*");
  private static final List<String> PLATFORM_ANSWERS = List.of("9011", "9012", "9013", "9014");
  private static final List<String> NOTIFICATIONS = List.of("1013", "9015");

  private final StationDirectory stations;
  private final Hj212Authenticator authenticator;
  private final Hj212ReadingExtractor extractor;
  private final ReadingValidator validator;
  private final ReadingPublisher publisher;
  private final Hj212DuplicateFilter duplicates;
  private final Hj212Metrics metrics;
  private final Clock clock;

  public Hj212PacketHandler(StationDirectory stations, ReadingValidator validator, ReadingPublisher publisher,
                            Hj212Mapping mapping, Hj212DuplicateFilter duplicates, Hj212Metrics metrics,
                            Clock clock) {
    this.stations = stations;
    this.authenticator = new Hj212Authenticator(stations);
    this.extractor = new Hj212ReadingExtractor(mapping);
    this.validator = validator;
    this.publisher = publisher;
    this.duplicates = duplicates;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What {@link #check} found: a packet to {@link #dispatch}, or one already refused. */
  public sealed interface Checked permits Admitted, Refused {}

  /** A packet whose CRC, syntax, MN and PW are good: {@link #dispatch} it when the limits allow. */
  public record Admitted(Hj212Packet packet, StationEntry station, Hj212Frame frame) implements Checked {}

  /** A refused packet, dead-lettered; {@code outcome} completes empty once the DLQ has it. */
  public record Refused(CompletableFuture<Optional<Hj212Answers.Answer>> outcome) implements Checked {}

  /** Handles one frame received from {@code remote}; see the class comment for the future. */
  public CompletableFuture<Optional<Hj212Answers.Answer>> handle(Hj212Frame frame, String remote) {
    Checked checked = check(frame, remote);
    return checked instanceof Admitted admitted ? dispatch(admitted, remote) : ((Refused) checked).outcome();
  }

  /**
   * The first half of {@link #handle}: CRC, parsing and authentication. A packet that fails is
   * logged, counted and dead-lettered here; one that passes has had no effect yet, so the
   * connection can still hold it back (rate limit) or drop it unanswered (connection limit).
   */
  public Checked check(Hj212Frame frame, String remote) {
    String text = frame.segmentText();
    Hj212Packet packet;
    try {
      packet = Hj212Parser.parse(text);
    } catch (Hj212FormatException e) {
      packet = null;
      if (crcMatches(frame, null)) {
        return new Refused(refuse(RejectReason.MALFORMED, "unparsable HJ 212 segment: " + e.getMessage(), remote,
            null, frame));
      }
    }
    if (!crcMatches(frame, packet)) {
      int expected = Hj212Crc.hj212(frame.segment());
      // The MN of a corrupted packet may itself be corrupted: name the station only as a hint.
      String claimedStation = packet == null ? null
          : stations.byMn(packet.mn()).map(StationEntry::id).orElse(null);
      return new Refused(refuse(RejectReason.BAD_CRC, "CRC " + frame.crcText() + " does not match the HJ 212 CRC "
          + Hj212Crc.hex(expected) + " of the segment; packet dropped unanswered", remote, claimedStation, frame));
    }
    if (frame.missingCr()) {
      LOG.info("HJ 212 frame from {} ended with LF instead of CR LF; accepted", remote);
    }
    Hj212Authenticator.Outcome auth = authenticator.authenticate(packet.mn(), packet.pw());
    if (!auth.admitted()) {
      String stationId = auth.station() == null ? null : auth.station().id();
      return new Refused(refuse(auth.reason(), auth.message(), remote, stationId, frame));
    }
    return new Admitted(packet, auth.station(), frame);
  }

  /**
   * Records bytes the frame decoder discarded: bad lengths, trailers and oversized frames go to the
   * DLQ; bytes between frames (line noise, keep-alives) are only logged.
   */
  public CompletableFuture<Void> decodeError(Hj212DecodeError error, String remote) {
    if (error.kind() == Hj212DecodeError.Kind.GARBAGE) {
      LOG.debug("discarded {} from {}: {}", error.kind(), remote, error.message());
      return CompletableFuture.completedFuture(null);
    }
    RejectReason reason = error.kind() == Hj212DecodeError.Kind.OVERSIZED ? RejectReason.OVERSIZED
        : RejectReason.MALFORMED;
    LOG.warn("HJ 212 framing error from {} ({}): {}", remote, error.kind(), error.message());
    metrics.rejected(reason);
    return publisher.deadLetter(DeadLetters.of(reason, error.message(), Hj212ReadingExtractor.SOURCE, remote, null,
        maskPassword(error.preview()), clock.instant()));
  }

  /** The second half of {@link #handle}: readings, DLQ records and the answer of an admitted packet. */
  public CompletableFuture<Optional<Hj212Answers.Answer>> dispatch(Admitted admitted, String remote) {
    Hj212Packet packet = admitted.packet();
    StationEntry station = admitted.station();
    Hj212Frame frame = admitted.frame();
    Optional<Hj212DataCommand> command = Hj212DataCommand.fromCn(packet.cn());
    if (command.isPresent()) {
      return handleData(packet, command.get(), station, remote, frame);
    }
    metrics.accepted();
    if (NOTIFICATIONS.contains(packet.cn())) {
      return CompletableFuture.completedFuture(Optional.of(Hj212Answers.notificationAnswer(packet)));
    }
    if (PLATFORM_ANSWERS.contains(packet.cn())) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    LOG.debug("station {} sent CN={} which carries no readings", station.id(), packet.cn());
    return CompletableFuture.completedFuture(dataAnswerIfRequested(packet));
  }

  private CompletableFuture<Optional<Hj212Answers.Answer>> handleData(Hj212Packet packet, Hj212DataCommand command,
                                                                       StationEntry station, String remote,
                                                                       Hj212Frame frame) {
    Hj212ReadingExtractor.Extraction extraction;
    try {
      extraction = extractor.extract(packet, command, station);
    } catch (Hj212FormatException e) {
      // Retransmitting cannot repair the packet; once it is safe in the DLQ the logger may stop.
      return refuse(RejectReason.MALFORMED, e.getMessage(), remote, station.id(), frame)
          .thenApply(none -> dataAnswerIfRequested(packet));
    }
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    List<Hj212DuplicateFilter.Key> keys = new ArrayList<>();
    List<Reading> readings = new ArrayList<>();
    int duplicateCount = 0;
    for (Hj212ReadingExtractor.CodedCandidate coded : extraction.candidates()) {
      Hj212DuplicateFilter.Key key = new Hj212DuplicateFilter.Key(packet.mn(), packet.cn(),
          extraction.dataTime(), coded.code());
      if (duplicates.seen(key)) {
        duplicateCount++;
        continue;
      }
      keys.add(key);
      ReadingValidator.Result result = validator.validate(coded.candidate());
      if (result.isAccepted()) {
        readings.add(result.reading());
      } else {
        writes.add(deadLetter(result.reason(), "HJ 212 code " + coded.code() + ": " + result.message(),
            remote, station.id(), frame));
      }
    }
    for (Hj212ReadingExtractor.Rejection rejection : extraction.rejections()) {
      writes.add(deadLetter(rejection.reason(), rejection.message(), remote, station.id(), frame));
    }
    if (duplicateCount > 0) {
      metrics.duplicates(duplicateCount);
      LOG.debug("dropped {} retransmitted value(s) from station {} (CN={}, DataTime={})", duplicateCount,
          station.id(), packet.cn(), extraction.dataTime());
    }
    if (!readings.isEmpty()) {
      writes.add(publisher.publish(List.copyOf(readings)));
    }
    int published = readings.size();
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
        .whenComplete((ok, failure) -> {
          if (failure != null) {
            metrics.publishFailed();
            LOG.warn("Kafka did not take the records of a CN={} packet from station {} ({}); no answer sent,"
                + " the logger will retransmit", packet.cn(), station.id(), failure.toString());
          }
        })
        .thenApply(ok -> {
          duplicates.remember(keys);
          metrics.published(published);
          metrics.accepted();
          return dataAnswerIfRequested(packet);
        });
  }

  private static Optional<Hj212Answers.Answer> dataAnswerIfRequested(Hj212Packet packet) {
    return packet.answerRequested() ? Optional.of(Hj212Answers.dataAnswer(packet)) : Optional.empty();
  }

  /**
   * True if the frame's CRC is the HJ 212 CRC of its segment, or the MODBUS CRC from a station
   * whose compatibility switch allows it (each such use is logged and counted).
   */
  private boolean crcMatches(Hj212Frame frame, Hj212Packet packet) {
    int received = Integer.parseInt(frame.crcText(), 16);
    byte[] segment = frame.segment();
    if (received == Hj212Crc.hj212(segment)) {
      return true;
    }
    if (packet == null || received != Hj212Crc.modbusAsSent(segment)) {
      return false;
    }
    Optional<StationEntry> station = stations.byMn(packet.mn());
    if (station.isPresent() && station.get().hj212ModbusCrc()) {
      metrics.modbusCrcAccepted();
      LOG.warn("accepted a MODBUS CRC from station {} (MN {}) under its hj212ModbusCrc switch",
          station.get().id(), packet.mn());
      return true;
    }
    return false;
  }

  /** Refuses the whole packet: logged without the PW, counted, dead-lettered, never answered. */
  private CompletableFuture<Optional<Hj212Answers.Answer>> refuse(RejectReason reason, String message,
                                                                  String remote, String stationId, Hj212Frame frame) {
    LOG.warn("HJ 212 packet from {} refused ({}): {}", remote, reason, message);
    return deadLetter(reason, message, remote, stationId, frame).thenApply(v -> Optional.empty());
  }

  private CompletableFuture<Void> deadLetter(RejectReason reason, String message, String remote, String stationId,
                                             Hj212Frame frame) {
    metrics.rejected(reason);
    return publisher.deadLetter(DeadLetters.of(reason, message, Hj212ReadingExtractor.SOURCE, remote, stationId,
        payload(frame), clock.instant()));
  }

  /**
   * The frame for the DLQ with the PW masked: as text, or as {@code hex:<bytes>} when the segment
   * is not valid UTF-8 (ISO-8859-1 maps bytes to chars one to one, so masking keeps the rest exact).
   */
  static String payload(Hj212Frame frame) {
    if (frame.isUtf8()) {
      return maskPassword(frame.wireText());
    }
    byte[] wire = concat("##" + String.format(java.util.Locale.ROOT, "%04d", frame.segment().length), frame.segment(),
        frame.crcText());
    String masked = maskPassword(new String(wire, StandardCharsets.ISO_8859_1));
    return "hex:" + HexFormat.of().formatHex(masked.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] concat(String head, byte[] body, String tail) {
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] t = tail.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length + t.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    System.arraycopy(t, 0, all, h.length + body.length, t.length);
    return all;
  }

  /** The frame text with the PW value replaced, so no password reaches logs or the DLQ. */
  static String maskPassword(String text) {
    return PW_FIELD.matcher(text).replaceAll("$1PW=***");
  }
}
