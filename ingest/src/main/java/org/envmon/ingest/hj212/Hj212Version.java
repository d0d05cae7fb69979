package org.envmon.ingest.hj212;

/** Protocol edition, from Flag bits 2-7 (absent Flag: HJ/T 212-2005). */
public enum Hj212Version {
  HJT_212_2005(0),
  HJ_212_2017(1),
  HJ_212_2025(2);

  private final int bits;

  Hj212Version(int bits) {
    this.bits = bits;
  }

  /** The version as Flag bits 2-7, e.g. 4 for 2017 and 8 for 2025; answers echo it. */
  public int flagBits() {
    return bits << 2;
  }

  /** The edition a Flag value announces; unknown future versions are reported as such. */
  public static Hj212Version fromFlag(Integer flag) throws Hj212FormatException {
    if (flag == null) {
      return HJT_212_2005;
    }
    int v = (flag >>> 2) & 0x3F;
    for (Hj212Version version : values()) {
      if (version.bits == v) {
        return version;
      }
    }
    throw new Hj212FormatException("Flag=" + flag + " announces protocol version " + v
        + "; known are 0 (2005), 1 (2017), 2 (2025)");
  }
}
