package org.envmon.sinks.influx.point;

/**
 * InfluxDB line protocol encoding (identical for the 1.x and 2.x write APIs). Escaping rules:
 * measurement: comma and space; tag keys, tag values and field keys: comma, equals sign and
 * space; string field values: double quote and backslash. Non-ASCII text (Chinese district
 * names) is written as UTF-8 unchanged. {@link LineBuffer} writes the same lines straight to UTF-8
 * bytes for a request body.
 */
public final class LineProtocol {
  /**
   * Names (measurements, tag and field keys) that passed {@link #requireName}, by hash. Shared by
   * all threads without locking: a slot holds a reference to a valid name or null, and a thread
   * that sees an older or no reference only checks the name again.
   */
  private static final String[] VALID_NAMES = new String[256];

  private LineProtocol() {}

  static String encode(LinePoint point) {
    StringBuilder line = new StringBuilder(128);
    escape(line, point.measurement(), false);
    for (int i = 0; i < point.tagCount(); i++) {
      line.append(',');
      escape(line, point.tagKey(i), true);
      line.append('=');
      escape(line, point.tagValue(i), true);
    }
    char separator = ' ';
    for (int i = 0; i < point.fieldCount(); i++) {
      line.append(separator);
      separator = ',';
      escape(line, point.fieldKey(i), true);
      line.append('=');
      appendFieldValue(line, point.fieldValue(i));
    }
    return line.append(' ').append(point.timeMillis()).toString();
  }

  private static void escape(StringBuilder out, String text, boolean escapeEquals) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
        out.append('\\');
      }
      out.append(c);
    }
  }

  private static void appendFieldValue(StringBuilder out, Object value) {
    if (value instanceof Long l) {
      out.append(l).append('i');
    } else if (value instanceof Double d) {
      out.append(d);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else {
      out.append('"');
      String s = (String) value;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
  }

  static void requireName(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    // Keys are mostly the same few constants, point after point: one found valid is not scanned
    // again while it holds its slot (compared by identity; a String never changes).
    int slot = name.hashCode() & (VALID_NAMES.length - 1);
    if (VALID_NAMES[slot] != name) {
      requireNoLineBreak(what, name);
      VALID_NAMES[slot] = name;
    }
  }

  /** Line protocol cannot carry a line break outside a string field; such input is refused. */
  static void requireNoLineBreak(String what, String text) {
    requireNoLineBreak(what, "", text);
  }

  /** As {@link #requireNoLineBreak(String, String)}, naming the text {@code what + name} (made only to fail). */
  static void requireNoLineBreak(String what, String name, String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + name + " contains a line break, which line protocol"
          + " cannot encode: '" + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
    }
  }
}
