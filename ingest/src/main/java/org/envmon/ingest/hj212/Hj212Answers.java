package org.envmon.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The platform's answers to a logger, framed and checksummed with the HJ 212 CRC. They echo the
 * packet's QN, PW and MN and its version bits (Flag=4 for 2017, 8 for 2025, 0 for 2005).
 */
public final class Hj212Answers {
  /** System code of system-interaction answers. */
  public static final String ST_SYSTEM = "91";
  public static final String CN_DATA_ANSWER = "9014";
  public static final String CN_NOTIFICATION_ANSWER = "9013";

  private Hj212Answers() {}

  /**
   * An answer ready for the wire.
   *
   * @param cn    its command number, for metrics and logs
   * @param frame the framed bytes including CR LF
   */
  public record Answer(String cn, byte[] frame) {
    public Answer {
      frame = frame.clone();
    }

    @Override
    public byte[] frame() {
      return frame.clone();
    }
  }

  /** 9014: the upload was received (send only after Kafka acknowledged its readings). */
  public static Answer dataAnswer(Hj212Packet packet) {
    return new Answer(CN_DATA_ANSWER, frame(segment(packet, CN_DATA_ANSWER)));
  }

  /** 9013: answer to a time-calibration request (1013) or heartbeat (9015). */
  public static Answer notificationAnswer(Hj212Packet packet) {
    return new Answer(CN_NOTIFICATION_ANSWER, frame(segment(packet, CN_NOTIFICATION_ANSWER)));
  }

  /** Wraps a data segment as {@code ##LLLL<segment>CCCC\r\n}. */
  public static byte[] frame(String segment) {
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > Hj212FrameDecoder.ABSOLUTE_MAX_SEGMENT) {
      throw new IllegalArgumentException("segment of " + bytes.length + " bytes does not fit the 4-digit length field");
    }
    String framed = String.format(Locale.ROOT, "##%04d", bytes.length) + segment
        + Hj212Crc.hex(Hj212Crc.hj212(bytes)) + "\r\n";
    return framed.getBytes(StandardCharsets.UTF_8);
  }

  private static String segment(Hj212Packet packet, String cn) {
    StringBuilder s = new StringBuilder();
    if (packet.qn() != null) {
      s.append("QN=").append(packet.qn()).append(';');
    }
    s.append("ST=").append(ST_SYSTEM).append(";CN=").append(cn);
    if (packet.pw() != null) {
      s.append(";PW=").append(packet.pw());
    }
    s.append(";MN=").append(packet.mn())
        .append(";Flag=").append(packet.version().flagBits())
        .append(";CP=&&&&");
    return s.toString();
  }
}
