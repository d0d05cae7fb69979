package org.envmon.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts HJ 212 frames ({@code ##LLLL<segment>CCCC\r\n}) out of a TCP byte stream. Stateful, one
 * instance per connection, not thread-safe. A packet may arrive in several reads and a read may
 * carry several packets. On any framing error the decoder reports it, skips the offending
 * {@code #} and resynchronises on the next {@code ##}. Memory is bounded by the largest frame
 * the configured maximum segment length allows.
 */
public final class Hj212FrameDecoder {
  /** The largest length the 4-digit field can express. */
  public static final int ABSOLUTE_MAX_SEGMENT = 9999;
  private static final int HEADER = 6;   // ## + 4 digits
  private static final int TRAILER = 6;  // 4 hex digits + CR LF
  private static final int PREVIEW_CHARS = 200;

  private final int maxSegmentLength;
  private final byte[] buffer;
  private int size;

  /** Output of one {@link #feed} call: frames and errors in stream order. */
  public sealed interface Event permits FrameEvent, ErrorEvent {}

  /** A complete frame. */
  public record FrameEvent(Hj212Frame frame) implements Event {}

  /** Discarded bytes. */
  public record ErrorEvent(Hj212DecodeError error) implements Event {}

  public Hj212FrameDecoder(int maxSegmentLength) {
    if (maxSegmentLength < 1 || maxSegmentLength > ABSOLUTE_MAX_SEGMENT) {
      throw new IllegalArgumentException("maxSegmentLength must be 1.." + ABSOLUTE_MAX_SEGMENT
          + " (the length field has four digits), got " + maxSegmentLength);
    }
    this.maxSegmentLength = maxSegmentLength;
    this.buffer = new byte[HEADER + maxSegmentLength + TRAILER];
  }

  /** Feeds the next bytes of the stream and returns every frame and error they completed. */
  public List<Event> feed(byte[] bytes) {
    List<Event> events = new ArrayList<>();
    feed(bytes, 0, bytes.length, events::add);
    return events;
  }

  /** As {@link #feed(byte[])}, for a slice, delivering events to {@code sink}. */
  public void feed(byte[] bytes, int offset, int length, Consumer<Event> sink) {
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      int n = Math.min(buffer.length - size, end - pos);
      System.arraycopy(bytes, pos, buffer, size, n);
      size += n;
      pos += n;
      drain(sink);
    }
  }

  /** Bytes currently held waiting for the rest of a frame. */
  public int buffered() {
    return size;
  }

  private void drain(Consumer<Event> sink) {
    int start = 0;
    while (true) {
      int marker = findMarker(start);
      if (marker < 0) {
        // Keep a trailing '#' that may be the first half of the next marker.
        int keep = size > start && buffer[size - 1] == '#' ? size - 1 : size;
        if (keep > start) {
          sink.accept(error(Hj212DecodeError.Kind.GARBAGE, "bytes outside any ##-frame discarded", start, keep));
        }
        start = keep;
        break;
      }
      if (marker > start) {
        sink.accept(error(Hj212DecodeError.Kind.GARBAGE, "bytes before a ## start marker discarded", start, marker));
      }
      start = marker;
      int outcome = tryFrame(start, sink);
      if (outcome == NEED_MORE) {
        break;
      }
      start = outcome;
    }
    compact(start);
  }

  private static final int NEED_MORE = -1;

  /** Decodes the frame starting at {@code start}; returns where scanning continues, or NEED_MORE. */
  private int tryFrame(int start, Consumer<Event> sink) {
    if (size - start < HEADER) {
      return NEED_MORE;
    }
    int length = 0;
    for (int i = start + 2; i < start + HEADER; i++) {
      byte b = buffer[i];
      if (b < '0' || b > '9') {
        sink.accept(error(Hj212DecodeError.Kind.BAD_LENGTH,
            "length field after ## is not four decimal digits", start, start + HEADER));
        return start + 1;
      }
      length = length * 10 + (b - '0');
    }
    if (length > maxSegmentLength) {
      sink.accept(error(Hj212DecodeError.Kind.OVERSIZED, "declared segment length " + length
          + " exceeds the maximum of " + maxSegmentLength, start, start + HEADER));
      return start + 1;
    }
    int crcAt = start + HEADER + length;
    if (size < crcAt + 5) {
      return NEED_MORE;
    }
    for (int i = crcAt; i < crcAt + 4; i++) {
      if (Character.digit(buffer[i], 16) < 0) {
        sink.accept(error(Hj212DecodeError.Kind.BAD_TRAILER, "no 4-hex-digit CRC after the "
            + length + "-byte segment (wrong length field?)", start, Math.min(size, crcAt + 4)));
        return start + 1;
      }
    }
    byte afterCrc = buffer[crcAt + 4];
    boolean missingCr;
    int next;
    if (afterCrc == '\n') {
      missingCr = true;
      next = crcAt + 5;
    } else if (afterCrc == '\r') {
      if (size < crcAt + 6) {
        return NEED_MORE;
      }
      if (buffer[crcAt + 5] != '\n') {
        sink.accept(error(Hj212DecodeError.Kind.BAD_TRAILER, "CR after the CRC is not followed by LF",
            start, crcAt + 6));
        return start + 1;
      }
      missingCr = false;
      next = crcAt + 6;
    } else {
      sink.accept(error(Hj212DecodeError.Kind.BAD_TRAILER, "CRC is not followed by CR LF (wrong length field?)",
          start, crcAt + 5));
      return start + 1;
    }
    byte[] segment = Arrays.copyOfRange(buffer, start + HEADER, crcAt);
    String crc = new String(buffer, crcAt, 4, StandardCharsets.US_ASCII);
    sink.accept(new FrameEvent(new Hj212Frame(segment, crc, missingCr)));
    return next;
  }

  private int findMarker(int from) {
    for (int i = from; i + 1 < size; i++) {
      if (buffer[i] == '#' && buffer[i + 1] == '#') {
        return i;
      }
    }
    return -1;
  }

  private void compact(int start) {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, size - start);
      size -= start;
    }
  }

  private ErrorEvent error(Hj212DecodeError.Kind kind, String message, int from, int to) {
    int previewEnd = Math.min(to, from + PREVIEW_CHARS);
    String preview = new String(buffer, from, previewEnd - from, StandardCharsets.UTF_8);
    return new ErrorEvent(new Hj212DecodeError(kind, message, preview));
  }
}
