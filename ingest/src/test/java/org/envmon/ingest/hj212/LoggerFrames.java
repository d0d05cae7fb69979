package org.envmon.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The test side's own HJ 212 encoder, written independently of the server code (a table-driven
 * CRC rather than the bitwise one) so the integration test does not check the server against
 * itself. {@link LoggerFramesTest} proves it against the published vectors.
 */
final class LoggerFrames {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
      }
      TABLE[i] = c;
    }
  }

  private LoggerFrames() {}

  static int crc(byte[] data) {
    int reg = 0xFFFF;
    for (byte b : data) {
      reg = TABLE[((reg >>> 8) ^ b) & 0xFF];
    }
    return reg;
  }

  /** {@code ##LLLL<segment>CCCC} without CR LF. */
  static String wire(String segment) {
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    return String.format(Locale.ROOT, "##%04d%s%04X", bytes.length, segment, crc(bytes));
  }

  static byte[] frame(String segment) {
    return (wire(segment) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
