package org.envmon.sinks.influx.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
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
  private final Bytes gzipped = new Bytes();

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
    gzipped.size = 0;
    // A larger deflate buffer than GZIPOutputStream's default 512 bytes: fewer native calls.
    try (GZIPOutputStream zip = new GZIPOutputStream(gzipped, 64 * 1024)) {
      zip.write(lines.array(), 0, lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException("gzip of an in-memory buffer failed", e);
    }
    return gzipped.bytes;
  }

  int gzippedSize() {
    return gzipped.size;
  }

  /** Whether the buffers are small enough to keep for the next batch. */
  boolean worthKeeping() {
    return lines.array().length <= KEEP_AT_MOST && gzipped.bytes.length <= KEEP_AT_MOST;
  }

  /** The body of the points as one array (tests). */
  static byte[] body(List<LinePoint> points, boolean gzip) {
    LineBatch batch = new LineBatch(points.size() * 128).render(points);
    return gzip ? Arrays.copyOf(batch.gzip(), batch.gzippedSize()) : batch.lines.toByteArray();
  }

  /** A ByteArrayOutputStream without the locking and whose array can be sent without a copy. */
  private static final class Bytes extends OutputStream {
    private byte[] bytes = new byte[1024];
    private int size;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int extra) {
      if (bytes.length - size < extra) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + extra));
      }
    }
  }
}
