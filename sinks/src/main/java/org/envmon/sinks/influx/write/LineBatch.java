package org.envmon.sinks.influx.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.envmon.sinks.influx.point.LineBuffer;
import org.envmon.sinks.influx.point.LinePoint;

/**
 * The request body of a write: one line per point, UTF-8, optionally gzip-compressed. Rendered
 * into buffers the writer keeps from one batch to the next, so a batch costs neither a
 * {@code String} per point nor copies of the whole body on its way to the request.
 */
final class LineBatch {
  /** Buffers that grew beyond this (an unusually large batch) are not kept for the next one. */
  static final int KEEP_AT_MOST = 8 << 20;

  final LineBuffer lines;
  /** Kafka's growable byte stream: unsynchronized, and its array can be sent without a copy. */
  private final ByteBufferOutputStream gzipped = new ByteBufferOutputStream(1024);

  LineBatch(int initialCapacity) {
    this.lines = new LineBuffer(initialCapacity);
  }

  /** Renders the points, replacing what the batch held. */
  LineBatch render(List<LinePoint> points) {
    lines.clear();
    lines.appendLines(points);
    return this;
  }

  /** The rendered lines gzip-compressed; the array is valid up to {@link #gzippedSize()}. */
  byte[] gzip() {
    gzipped.position(0);
    // A larger deflate buffer than GZIPOutputStream's default 512 bytes: fewer native calls.
    try (GZIPOutputStream zip = new GZIPOutputStream(gzipped, 64 * 1024)) {
      zip.write(lines.array(), 0, lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException("gzip of an in-memory buffer failed", e);
    }
    return gzipped.buffer().array();
  }

  int gzippedSize() {
    return gzipped.position();
  }

  /** Whether the buffers are small enough to keep for the next batch. */
  boolean worthKeeping() {
    return lines.array().length <= KEEP_AT_MOST && gzipped.buffer().capacity() <= KEEP_AT_MOST;
  }

  /** The body of the points as one array (tests). */
  static byte[] body(List<LinePoint> points, boolean gzip) {
    LineBatch batch = new LineBatch(points.size() * 128).render(points);
    return gzip ? Arrays.copyOf(batch.gzip(), batch.gzippedSize()) : batch.lines.toByteArray();
  }
}
