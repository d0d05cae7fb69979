package org.envmon.sinks.influx.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.envmon.sinks.influx.point.LinePoint;

/** The request body of a write: one line per point, UTF-8, optionally gzip-compressed. */
final class LineBatch {
  private LineBatch() {}

  static String text(List<LinePoint> points) {
    StringBuilder body = new StringBuilder(points.size() * 128);
    for (LinePoint p : points) {
      body.append(p.toLineProtocol()).append('\n');
    }
    return body.toString();
  }

  static byte[] body(List<LinePoint> points, boolean gzip) {
    byte[] utf8 = text(points).getBytes(StandardCharsets.UTF_8);
    if (!gzip) {
      return utf8;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip of an in-memory buffer failed", e);
    }
    return out.toByteArray();
  }
}
