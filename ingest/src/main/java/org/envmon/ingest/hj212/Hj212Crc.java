package org.envmon.ingest.hj212;

import java.util.Locale;

/**
 * The checksums HJ 212 loggers put after the data segment. The standard's own CRC (Appendix A)
 * is not CRC-16/MODBUS: it XORs each byte into the register's low byte after shifting the
 * register right by eight. MODBUS exists only for field devices that send it by mistake.
 */
public final class Hj212Crc {
  private Hj212Crc() {}

  /** The HJ 212 Appendix A CRC of {@code data}; "123456789" gives 0x2F80. */
  public static int hj212(byte[] data) {
    int reg = 0xFFFF;
    for (byte b : data) {
      reg = (reg >>> 8) ^ (b & 0xFF);
      reg = shiftEight(reg);
    }
    return reg & 0xFFFF;
  }

  /**
   * CRC-16/MODBUS as a 16-bit value written high byte first, i.e. as such devices put it on the
   * wire (MODBUS transmits the low byte first, so the hex text is byte-swapped).
   */
  public static int modbusAsSent(byte[] data) {
    int reg = 0xFFFF;
    for (byte b : data) {
      reg ^= b & 0xFF;
      reg = shiftEight(reg);
    }
    return ((reg & 0xFF) << 8) | ((reg >>> 8) & 0xFF);
  }

  /** CRC-16/MODBUS in its conventional numeric form; "123456789" gives 0x4B37. */
  public static int modbus(byte[] data) {
    int swapped = modbusAsSent(data);
    return ((swapped & 0xFF) << 8) | ((swapped >>> 8) & 0xFF);
  }

  /** Four uppercase hex digits, high byte first, as answers carry it. */
  public static String hex(int crc) {
    return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
  }

  private static int shiftEight(int reg) {
    int r = reg;
    for (int i = 0; i < 8; i++) {
      boolean lsb = (r & 1) != 0;
      r >>>= 1;
      if (lsb) {
        r ^= 0xA001;
      }
    }
    return r;
  }
}
