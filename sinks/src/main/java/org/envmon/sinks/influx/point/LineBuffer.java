package org.envmon.sinks.influx.point;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer that points are written to as line protocol, UTF-8 encoded, one line per
 * point, each ending with {@code \n}: the body of a write request, built in one pass without a
 * {@code String} per point. The bytes of a line are exactly {@code point.toLineProtocol()} in
 * UTF-8 (as {@link String#getBytes(java.nio.charset.Charset)} encodes it, a lone surrogate
 * included) followed by {@code \n}. Not thread-safe; {@link #clear()} to reuse it.
 */
public final class LineBuffer {
  private static final int MEASUREMENT = 0;
  private static final int NAME = 1;
  private static final int STRING_FIELD = 2;
  /** Per escaping mode, the ASCII characters that get a backslash in front (see {@link LineProtocol}). */
  private static final boolean[][] ESCAPED = new boolean[3][128];

  static {
    ESCAPED[MEASUREMENT][','] = true;
    ESCAPED[MEASUREMENT][' '] = true;
    ESCAPED[NAME][','] = true;
    ESCAPED[NAME][' '] = true;
    ESCAPED[NAME]['='] = true;
    ESCAPED[STRING_FIELD]['"'] = true;
    ESCAPED[STRING_FIELD]['\\'] = true;
  }

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  /**
   * Name slots: 0 the measurement; 1 to 15 the first 15 tag keys by position; 16 to 31 the first
   * 16 field keys by position. A slot always has the same separators around its name.
   */
  private static final int FIELD_SLOTS = 16;
  private static final int SLOTS = 32;
  private static final int NO_SLOT = -1;

  private byte[] bytes;
  private int size;
  /** Per slot, the name last written there and its bytes with the separators (see {@link #name}). */
  private final String[] names = new String[SLOTS];
  private final byte[][] nameBytes = new byte[SLOTS][];
  /** The last timestamp written and its digits (see {@link #timestamp}). */
  private long lastTime;
  private final byte[] lastTimeDigits = new byte[20];
  private int lastTimeLength;
  /** For the doubles {@link Double#toString(double)} has to write. */
  private final StringBuilder scratch = new StringBuilder(32);

  public LineBuffer(int initialCapacity) {
    this.bytes = new byte[Math.max(64, initialCapacity)];
  }

  /** Empties the buffer, keeping its capacity. */
  public void clear() {
    size = 0;
  }

  /** Bytes written. */
  public int size() {
    return size;
  }

  /** The backing array; bytes {@code [0, size())} are the lines written. Valid until the next append. */
  public byte[] array() {
    return bytes;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Appends each point's line. */
  public LineBuffer appendLines(List<LinePoint> points) {
    for (int i = 0, n = points.size(); i < n; i++) {
      appendLine(points.get(i));
    }
    return this;
  }

  /** Appends the point's line and a {@code \n}. */
  public LineBuffer appendLine(LinePoint point) {
    name(point.measurement(), MEASUREMENT, 0, (char) 0, (char) 0);
    for (int i = 0, n = point.tagCount(); i < n; i++) {
      name(point.tagKey(i), NAME, i < FIELD_SLOTS - 1 ? 1 + i : NO_SLOT, ',', '=');
      text(point.tagValue(i), NAME);
    }
    for (int i = 0, n = point.fieldCount(); i < n; i++) {
      name(point.fieldKey(i), NAME, i < SLOTS - FIELD_SLOTS ? FIELD_SLOTS + i : NO_SLOT, i == 0 ? ' ' : ',', '=');
      fieldValue(point.fieldValue(i));
    }
    ascii(' ');
    timestamp(point.timeMillis());
    ascii('\n');
    return this;
  }

  /**
   * A measurement or key with the separators around it. Points of a batch mostly have the same
   * names in the same places, so each place (slot) keeps the bytes of the last name written there
   * and copies them while the same String comes again.
   */
  private void name(String name, int mode, int slot, char before, char after) {
    if (slot != NO_SLOT && names[slot] == name) {
      raw(nameBytes[slot]);
      return;
    }
    int start = size;
    if (before != 0) {
      ascii(before);
    }
    text(name, mode);
    if (after != 0) {
      ascii(after);
    }
    if (slot != NO_SLOT) {
      nameBytes[slot] = Arrays.copyOfRange(bytes, start, size);
      names[slot] = name;
    }
  }

  private void fieldValue(Object value) {
    if (value instanceof Long l) {
      number(l);
      ascii('i');
    } else if (value instanceof Double d) {
      number(d);
    } else if (value instanceof Boolean b) {
      raw(b ? TRUE : FALSE);
    } else {
      ascii('"');
      text((String) value, STRING_FIELD);
      ascii('"');
    }
  }

  private void ascii(char c) {
    if (size == bytes.length) {
      grow(1);
    }
    bytes[size++] = (byte) c;
  }

  private void raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /** Escapes for the mode and encodes as UTF-8 exactly as {@code String.getBytes(UTF_8)} does. */
  private void text(String s, int mode) {
    int n = s.length();
    // At most 3 bytes a char: an escaped ASCII char takes 2, a BMP char 3, a surrogate pair 4.
    ensure(3 * n);
    boolean[] escaped = ESCAPED[mode];
    byte[] b = bytes;
    int p = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (escaped[c]) {
          b[p++] = '\\';
        }
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (!Character.isSurrogate(c)) {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else {
        b[p++] = '?'; // a lone surrogate, replaced as String.getBytes(UTF_8) replaces it
      }
    }
    size = p;
  }

  /** As {@code Long.toString}. */
  private void number(long v) {
    if (v == Long.MIN_VALUE) {
      raw(LONG_MIN);
      return;
    }
    ensure(20);
    byte[] b = bytes;
    int p = size;
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    int end = p + digits(v);
    int q = end;
    while (v >= 100) {
      long next = v / 100;
      int two = (int) (v - next * 100);
      b[--q] = (byte) ('0' + two % 10);
      b[--q] = (byte) ('0' + two / 10);
      v = next;
    }
    int last = (int) v;
    b[--q] = (byte) ('0' + last % 10);
    if (last >= 10) {
      b[--q] = (byte) ('0' + last / 10);
    }
    size = end;
  }

  /** Decimal digits of a non-negative long. */
  private static int digits(long v) {
    long limit = 10;
    for (int n = 1; n < 19; n++) {
      if (v < limit) {
        return n;
      }
      limit *= 10;
    }
    return 19;
  }

  /** The timestamp: points of a batch mostly share their hour, whose digits are then copied. */
  private void timestamp(long millis) {
    if (millis != lastTime || lastTimeLength == 0) {
      int start = size;
      number(millis);
      lastTimeLength = size - start;
      System.arraycopy(bytes, start, lastTimeDigits, 0, lastTimeLength);
      lastTime = millis;
      return;
    }
    ensure(lastTimeLength);
    System.arraycopy(lastTimeDigits, 0, bytes, size, lastTimeLength);
    size += lastTimeLength;
  }

  /**
   * As {@link Double#toString(double)}: whole numbers below 10^7 in magnitude are written here
   * ({@code 20.0}, {@code -0.0}), Double.toString's own plain form for them; anything else by
   * Double.toString itself.
   */
  private void number(double d) {
    if (Math.abs(d) < 1e7) {
      long whole = (long) d;
      if (whole == d) {
        if (whole == 0 && Double.doubleToRawLongBits(d) != 0) {
          ascii('-');
        }
        number(whole);
        ascii('.');
        ascii('0');
        return;
      }
    }
    StringBuilder s = scratch;
    s.setLength(0);
    s.append(d);
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int extra) {
    if (bytes.length - size < extra) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    long wanted = Math.max(2L * bytes.length, (long) size + extra);
    if (wanted > Integer.MAX_VALUE - 8) {
      if ((long) size + extra > Integer.MAX_VALUE - 8) {
        throw new OutOfMemoryError("line protocol batch larger than 2 GB");
      }
      wanted = Integer.MAX_VALUE - 8;
    }
    bytes = Arrays.copyOf(bytes, (int) wanted);
  }
}
