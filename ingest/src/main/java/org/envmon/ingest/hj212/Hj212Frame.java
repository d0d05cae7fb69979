package org.envmon.ingest.hj212;

import java.nio.charset.StandardCharsets;

/**
 * One framed packet as cut from the byte stream: the data segment and the CRC text that followed
 * it. The CRC is not checked here (whether MODBUS is acceptable depends on the station).
 *
 * @param segment     the data segment's bytes, exactly as counted by the length field
 * @param crcText     the four hex digits sent after the segment, as received
 * @param missingCr   the frame ended with a bare LF instead of CR LF (tolerated, worth a log line)
 */
public record Hj212Frame(byte[] segment, String crcText, boolean missingCr) {
  public Hj212Frame {
    segment = segment.clone();
  }

  @Override
  public byte[] segment() {
    return segment.clone();
  }

  /** The segment decoded as UTF-8 (Chinese appears only in -Info fields). */
  public String segmentText() {
    return new String(segment, StandardCharsets.UTF_8);
  }

  /** True if the segment is well-formed UTF-8 (a corrupted packet may not be). */
  public boolean isUtf8() {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(segment));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** The frame as it appeared on the wire, without the trailing CR LF. */
  public String wireText() {
    return "##" + String.format(java.util.Locale.ROOT, "%04d", segment.length) + segmentText() + crcText;
  }
}
