package org.envmon.sinks.influx.point;

import java.util.Map;

/**
 * InfluxDB line protocol encoding (identical for the 1.x and 2.x write APIs). Escaping rules:
 * measurement: comma and space; tag keys, tag values and field keys: comma, equals sign and
 * space; string field values: double quote and backslash. Non-ASCII text (Chinese district
 * names) is written as UTF-8 unchanged.
 */
public final class LineProtocol {
  private LineProtocol() {}

  static String encode(LinePoint point) {
    StringBuilder line = new StringBuilder(128);
    escape(line, point.measurement(), false);
    for (Map.Entry<String, String> tag : point.tags().entrySet()) {
      line.append(',');
      escape(line, tag.getKey(), true);
      line.append('=');
      escape(line, tag.getValue(), true);
    }
    char separator = ' ';
    for (Map.Entry<String, Object> field : point.fields().entrySet()) {
      line.append(separator);
      separator = ',';
      escape(line, field.getKey(), true);
      line.append('=');
      appendFieldValue(line, field.getValue());
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
    requireNoLineBreak(what, name);
  }

  /** Line protocol cannot carry a line break outside a string field; such input is refused. */
  static void requireNoLineBreak(String what, String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " contains a line break, which line protocol"
          + " cannot encode: '" + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
    }
  }
}
