package org.envmon.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.envmon.ingest.hj212.Hj212Answers;
import org.envmon.ingest.hj212.Hj212Crc;
import org.envmon.ingest.hj212.Hj212DuplicateFilter;
import org.envmon.ingest.hj212.Hj212FormatException;
import org.envmon.ingest.hj212.Hj212Frame;
import org.envmon.ingest.hj212.Hj212FrameDecoder;
import org.envmon.ingest.hj212.Hj212Mapping;
import org.envmon.ingest.hj212.Hj212Metrics;
import org.envmon.ingest.hj212.Hj212PacketHandler;
import org.envmon.ingest.hj212.Hj212Parser;
import org.envmon.ingest.registry.StationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile HJ 212 input: mutants of the public packet vectors (and plain noise) cut by the frame
 * decoder in random read sizes, parsed, and handled by the real packet handler. Nothing may
 * throw except the documented {@link Hj212FormatException}, nothing may hang, the decoder's
 * buffer stays within one maximal frame, and every refused packet reaches the DLQ with a reason
 * and without its PW (checked by {@link CheckingPublisher}).
 */
@ExtendWith(QuietLogs.class)
class Hj212FuzzTest {
  private static final long SEED = 20_260_501L;
  private static final int STREAM_BATCHES = 20;
  private static final int STREAMS_PER_BATCH = 1_000;
  private static final int PARSER_BATCHES = 40;
  private static final int SEGMENTS_PER_BATCH = 1_500;
  private static final Duration BATCH_LIMIT = Duration.ofSeconds(10);
  private static final Pattern CRC = Pattern.compile("[0-9A-Fa-f]{4}");

  @Test
  void decoderAndHandlerSurviveMutatedStreams() {
    List<byte[]> vectors = SharedVectors.frames();
    Mutator mutator = new Mutator(SEED);
    long[] events = new long[3]; // frames, errors, dead letters
    for (int b = 0; b < STREAM_BATCHES; b++) {
      int batch = b;
      assertTimeoutPreemptively(BATCH_LIMIT, () -> streamBatch(batch, mutator, vectors, events),
          () -> "stream batch " + batch + " (seed " + SEED + ") did not finish within " + BATCH_LIMIT);
    }
    System.out.printf(Locale.ROOT, "HJ 212 stream fuzz: %d streams, %d frames, %d framing errors, %d dead letters%n",
        STREAM_BATCHES * STREAMS_PER_BATCH, events[0], events[1], events[2]);
    assertThat(events[0]).as("frames decoded").isGreaterThan(STREAM_BATCHES * STREAMS_PER_BATCH / 4);
    assertThat(events[1]).as("framing errors reported").isGreaterThan(STREAM_BATCHES * STREAMS_PER_BATCH / 4);
  }

  private static void streamBatch(int batch, Mutator mutator, List<byte[]> vectors, long[] events) {
    // Every few batches a small maximum, so OVERSIZED and the buffer bound are exercised hard.
    int maxSegment = batch % 3 == 0 ? 64 + mutator.nextInt(400) : Hj212FrameDecoder.ABSOLUTE_MAX_SEGMENT;
    int bufferBound = maxSegment + 12;
    Hj212FrameDecoder decoder = new Hj212FrameDecoder(maxSegment); // one per batch: state carries over, as on a connection
    CheckingPublisher publisher = new CheckingPublisher(FuzzStations.PASSWORD);
    StationRegistry stations = FuzzStations.registry();
    Hj212PacketHandler handler = new Hj212PacketHandler(stations, FuzzStations.validator(stations), publisher,
        Hj212Mapping.defaults(), new Hj212DuplicateFilter(10_000, Duration.ofHours(1), FuzzStations.CLOCK),
        new Hj212Metrics(new SimpleMeterRegistry()), FuzzStations.CLOCK);
    for (int i = 0; i < STREAMS_PER_BATCH; i++) {
      String where = "batch " + batch + " stream " + i + " (seed " + SEED + ")";
      byte[] stream = stream(mutator, vectors, maxSegment);
      int pos = 0;
      while (pos < stream.length) {
        int n = 1 + mutator.nextInt(Math.min(stream.length - pos, mutator.chance(0.5) ? 8 : 4096));
        List<Hj212FrameDecoder.Event> out = new ArrayList<>();
        decoder.feed(stream, pos, n, out::add);
        pos += n;
        assertThat(decoder.buffered()).as("decoder buffer after %s", where).isLessThanOrEqualTo(bufferBound);
        for (Hj212FrameDecoder.Event event : out) {
          if (event instanceof Hj212FrameDecoder.FrameEvent f) {
            events[0]++;
            checkFrame(f.frame(), maxSegment, handler, where);
          } else if (event instanceof Hj212FrameDecoder.ErrorEvent e) {
            events[1]++;
            assertThat(e.error().kind()).as(where).isNotNull();
            assertThat(e.error().message()).as(where).isNotBlank();
            assertThat(e.error().preview().length()).as(where).isLessThanOrEqualTo(200);
            CompletableFuture<Void> dlq = handler.decodeError(e.error(), "fuzz");
            assertThat(dlq).as(where).isCompleted();
          }
        }
      }
    }
    events[2] += publisher.deadLetters;
  }

  private static void checkFrame(Hj212Frame frame, int maxSegment, Hj212PacketHandler handler, String where) {
    assertThat(frame.segment().length).as(where).isLessThanOrEqualTo(maxSegment);
    assertThat(CRC.matcher(frame.crcText()).matches()).as("CRC text %s at %s", frame.crcText(), where).isTrue();
    try {
      Hj212Parser.parse(frame.segmentText());
    } catch (Hj212FormatException e) {
      assertThat(e.getMessage()).as(where).isNotBlank();
    }
    CompletableFuture<Optional<Hj212Answers.Answer>> answer = handler.handle(frame, "fuzz");
    // The publisher acknowledges at once, so the handler must have decided without failing.
    assertThat(answer).as("handler outcome at %s", where).isCompleted().isNotCompletedExceptionally();
  }

  /** One to three pieces: intact, mutated, re-framed with a correct CRC, noise, or an oversized header. */
  private static byte[] stream(Mutator m, List<byte[]> vectors, int maxSegment) {
    int pieces = 1 + m.nextInt(3);
    byte[] out = new byte[0];
    for (int p = 0; p < pieces; p++) {
      byte[] seed = m.pick(vectors);
      byte[] piece = switch (m.nextInt(6)) {
        case 0 -> seed;
        case 1, 2 -> m.mutate(seed, vectors);
        case 3 -> reframe(m.mutate(segment(seed), vectors.stream().map(Hj212FuzzTest::segment).toList()));
        case 4 -> m.randomBytes(128);
        default -> ("##" + String.format(Locale.ROOT, "%04d", Math.min(9999, maxSegment + 1 + m.nextInt(9000)))
            + new String(segment(seed), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      };
      out = Mutator.concat(out, piece);
    }
    return out;
  }

  private static byte[] segment(byte[] frame) {
    return Arrays.copyOfRange(frame, 6, frame.length - 6);
  }

  /** A segment framed correctly (length and HJ 212 CRC), so the parser and handler see it. */
  private static byte[] reframe(byte[] segment) {
    byte[] body = segment.length > 9999 ? Arrays.copyOf(segment, 9999) : segment;
    String head = "##" + String.format(Locale.ROOT, "%04d", body.length);
    String tail = Hj212Crc.hex(Hj212Crc.hj212(body)) + "\r\n";
    return Mutator.concat(head.getBytes(StandardCharsets.US_ASCII), body, tail.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void intactVectorsSplitAnywhereComeOutExactly() {
    List<byte[]> vectors = SharedVectors.frames();
    Mutator m = new Mutator(SEED + 1);
    assertTimeoutPreemptively(BATCH_LIMIT, () -> {
      for (int i = 0; i < 2_000; i++) {
        Hj212FrameDecoder decoder = new Hj212FrameDecoder(Hj212FrameDecoder.ABSOLUTE_MAX_SEGMENT);
        byte[] stream = new byte[0];
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 1 + m.nextInt(4); p++) {
          byte[] v = m.pick(vectors);
          stream = Mutator.concat(stream, v);
          expected.add(new String(segment(v), StandardCharsets.UTF_8));
        }
        List<String> got = new ArrayList<>();
        int pos = 0;
        while (pos < stream.length) {
          int n = 1 + m.nextInt(stream.length - pos);
          decoder.feed(stream, pos, n, e -> got.add(e instanceof Hj212FrameDecoder.FrameEvent f
              ? f.frame().segmentText() : "error: " + e));
          pos += n;
        }
        assertThat(got).as("stream %d", i).isEqualTo(expected);
        assertThat(decoder.buffered()).isZero();
      }
    });
  }

  @Test
  void parserThrowsOnlyItsFormatException() {
    List<byte[]> segments = SharedVectors.frames().stream().map(Hj212FuzzTest::segment).toList();
    Mutator m = new Mutator(SEED + 2);
    int[] refused = new int[1];
    for (int b = 0; b < PARSER_BATCHES; b++) {
      int batch = b;
      assertTimeoutPreemptively(BATCH_LIMIT, () -> {
        for (int i = 0; i < SEGMENTS_PER_BATCH; i++) {
          String text = new String(m.mutate(m.pick(segments), segments), StandardCharsets.UTF_8);
          try {
            Hj212Parser.parse(text);
          } catch (Hj212FormatException e) {
            refused[0]++;
            assertThat(e.getMessage()).isNotBlank();
          }
        }
      }, () -> "parser batch " + batch + " (seed " + (SEED + 2) + ") did not finish within " + BATCH_LIMIT);
    }
    System.out.printf(Locale.ROOT, "HJ 212 parser fuzz: %d segments, %d refused%n",
        PARSER_BATCHES * SEGMENTS_PER_BATCH, refused[0]);
    assertThat(refused[0]).isPositive();
  }
}
