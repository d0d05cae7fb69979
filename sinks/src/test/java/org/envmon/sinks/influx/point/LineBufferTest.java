package org.envmon.sinks.influx.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The array-backed {@link LinePoint} and the byte encoder {@link LineBuffer} against the encoding
 * envmon had before them ({@link Reference}: TreeMap tags, LinkedHashMap fields, a String per
 * point, then {@code getBytes(UTF_8)}), over many generated points: escaping, non-ASCII and
 * surrogates, absent values, replaced tags and fields, integer/float/boolean/string fields.
 */
class LineBufferTest {
  /** Characters that matter to the encoding: every escape, 1- to 4-byte UTF-8, lone surrogates. */
  private static final String[] PIECES = {"a", "Z", "0", "_", ".", "-", " ", ",", "=", "\"", "\\", "\t", "\u0000",
      "\u007f", "\u0080", "é", "\u07ff", "\u0800", "东", "城", "东城", "\uffff", "\ud83d\ude00", "\ud800", "\udc00",
      "\udbff\udfff", "x\ud800y", "\udc00\ud800", "station", "PM2_5"};

  @Test
  void generatedPointsEncodeAsBefore() {
    Random random = new Random(20260101);
    ByteArrayOutputStream expectedBatch = new ByteArrayOutputStream();
    List<LinePoint> points = new ArrayList<>();
    for (int n = 0; n < 40_000; n++) {
      Reference reference = new Reference();
      LinePoint point;
      try {
        point = generate(random, reference);
      } catch (RuntimeException e) {
        assertThat(e).isInstanceOf(reference.failure.getClass()).hasMessage(reference.failure.getMessage());
        continue;
      }
      assertThat(reference.failure).isNull();
      String line = reference.encode();
      assertThat(point.toLineProtocol()).isEqualTo(line);
      assertThat(point.tags()).isEqualTo(reference.tags);
      assertThat(new ArrayList<>(point.tags().entrySet())).isEqualTo(new ArrayList<>(reference.tags.entrySet()));
      assertThat(new ArrayList<>(point.fields().entrySet())).isEqualTo(new ArrayList<>(reference.fields.entrySet()));
      byte[] expected = (line + "\n").getBytes(StandardCharsets.UTF_8);
      assertThat(new LineBuffer(1).appendLine(point).toByteArray()).as(line).isEqualTo(expected);
      expectedBatch.writeBytes(expected);
      points.add(point);
    }
    assertThat(points.size()).isGreaterThan(20_000);
    LineBuffer batch = new LineBuffer(16);
    batch.appendLines(points);
    assertThat(batch.toByteArray()).isEqualTo(expectedBatch.toByteArray());
    batch.clear();
    batch.appendLines(points.subList(0, 3));
    assertThat(batch.toByteArray()).isEqualTo((points.get(0) + "\n" + points.get(1) + "\n" + points.get(2) + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void doublesAreWrittenAsDoubleToString() {
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 9_999_999.0, -9_999_999.0, 1.0e7, -1.0e7,
        9_999_999.5, 1.0e7 + 1, 0.001, 0.00099999, 1.0e-3, 35.4, 35.5, 20.0, 123.456, 0.1, 0.3, 1.0e21, 1.0e-21,
        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 4.5e15, 9.007199254740993e15,
        (double) Long.MAX_VALUE, (double) Long.MIN_VALUE, 2.0e23, 1.0 / 3));
    for (int i = -100_000; i <= 100_000; i++) {
      values.add((double) i);
      values.add(i / 10.0);
    }
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      values.add((double) (random.nextInt(20_000_002) - 10_000_001));
      values.add(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      double bits = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(bits)) {
        values.add(bits);
      }
    }
    LineBuffer buffer = new LineBuffer(64);
    for (double v : values) {
      buffer.clear();
      buffer.appendLine(LinePoint.measurement("m").field("v", v).time(0).build());
      assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("m v=" + v + " 0\n");
    }
  }

  @Test
  void longsAreWrittenAsLongToString() {
    long[] values = {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1_767_225_600_000L, -1_767_225_600_000L};
    LineBuffer buffer = new LineBuffer(1);
    for (long v : values) {
      buffer.clear();
      buffer.appendLine(LinePoint.measurement("m").field("i", (int) v).time(v).build());
      assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII))
          .isEqualTo("m i=" + (long) (int) v + "i " + v + "\n");
    }
  }

  /**
   * Names are remembered by place: more places than are remembered, and one name (one String) in
   * every place, the measurement, the last tag of 0 to 20 and the first field of 1 to 20.
   */
  @Test
  void manyTagsAndFieldsAndOneNameInDifferentPlaces() {
    String shared = "zz";
    List<LinePoint> points = new ArrayList<>();
    for (int tags = 0; tags <= 20; tags++) {
      for (int fields = 1; fields <= 20; fields++) {
        for (String measurement : new String[] {"m", shared}) {
          LinePoint.Builder b = LinePoint.measurement(measurement);
          for (int i = 0; i < tags; i++) {
            b.tag(i == tags - 1 ? shared : String.format("t%02d", i), "v" + i);
          }
          b.field(shared, 0.5);
          for (int i = 1; i < fields; i++) {
            b.field(i % 3 == 0 ? shared + i : "f" + i, i % 2 == 0 ? (double) i : i + 0.25);
          }
          points.add(b.time(tags).build());
        }
      }
    }
    LineBuffer buffer = new LineBuffer(8);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (LinePoint p : points) {
      buffer.appendLine(p);
      expected.writeBytes((p.toLineProtocol() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(new String(buffer.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo(expected.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aBuilderUsedAgainDoesNotChangeThePointItBuilt() {
    LinePoint.Builder b = LinePoint.measurement("m").tag("b", "1").field("f", 1.0).time(1);
    LinePoint first = b.build();
    LinePoint second = b.tag("a", "0").tag("b", "2").field("f", 2.0).field("g", true).time(2).build();
    assertThat(first.toLineProtocol()).isEqualTo("m,b=1 f=1.0 1");
    assertThat(second.toLineProtocol()).isEqualTo("m,a=0,b=2 f=2.0,g=true 2");
  }

  @Test
  void mapsAreReadOnly() {
    LinePoint p = LinePoint.measurement("m").tag("b", "2").tag("a", "1").field("f", 1.0).time(0).build();
    assertThatThrownBy(() -> p.tags().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.tags().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.tags().entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(p.tags()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(p.tags().get("b")).isEqualTo("2");
    assertThat(p.tags()).hasToString("{a=1, b=2}").isEqualTo(Map.of("b", "2", "a", "1"));
    assertThat(p.fields()).containsEntry("f", 1.0).doesNotContainKey("g");
    assertThat(p).isEqualTo(LinePoint.measurement("m").tag("a", "1").tag("b", "2").field("f", 1.0).time(0).build());
    assertThat(p.hashCode()).isEqualTo(
        LinePoint.measurement("m").tag("a", "1").tag("b", "2").field("f", 1.0).time(0).build().hashCode());
  }

  private static String text(Random random, int maxPieces) {
    StringBuilder s = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  /** Mostly a known key, else a generated one; now and then an empty one or one with a line break. */
  private static String key(Random random, String[] keys) {
    return switch (random.nextInt(80)) {
      case 0 -> "";
      case 1 -> "a\rb";
      default -> random.nextBoolean() ? keys[random.nextInt(keys.length)] : "k" + text(random, 2);
    };
  }

  /** A point from random builder calls, made on both the builder and the reference. */
  private static LinePoint generate(Random random, Reference reference) {
    String measurement = random.nextInt(50) == 0 ? "" : text(random, 3);
    if (measurement.isEmpty() && random.nextBoolean()) {
      measurement = "hourly";
    }
    reference.measurement(measurement);
    LinePoint.Builder b = LinePoint.measurement(measurement);
    String[] keys = {"station", "district", "medium", "parameter", "value", "a b", "k=v", "c,d", "东"};
    int tags = random.nextInt(7);
    for (int i = 0; i < tags; i++) {
      String key = key(random, keys);
      String value = switch (random.nextInt(40)) {
        case 0, 1, 2 -> null;
        case 3, 4, 5 -> "";
        case 6 -> "line\nbreak";
        default -> text(random, 4);
      };
      reference.tag(key, value);
      b.tag(key, value);
    }
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      String key = key(random, keys);
      switch (random.nextInt(4)) {
        case 0 -> {
          Double v = switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> Double.NaN;
            case 2 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 3 -> (double) random.nextInt(200) - 50;
            case 4 -> Math.round(random.nextDouble() * 5000) / 10.0;
            case 5 -> random.nextBoolean() ? -0.0 : 0.0;
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 10);
          };
          reference.field(key, v == null || !Double.isFinite(v) ? null : v);
          b.field(key, v);
        }
        case 1 -> {
          Integer v = random.nextInt(10) == 0 ? null : random.nextBoolean() ? random.nextInt() : random.nextInt(100);
          reference.field(key, v == null ? null : v.longValue());
          b.field(key, v);
        }
        case 2 -> {
          Boolean v = random.nextInt(10) == 0 ? null : random.nextBoolean();
          reference.field(key, v);
          b.field(key, v);
        }
        default -> {
          String v = random.nextInt(10) == 0 ? null : random.nextInt(5) == 0 ? "multi\nline\r" : text(random, 5);
          reference.field(key, v);
          b.field(key, v);
        }
      }
    }
    if (random.nextInt(30) != 0) {
      long time = switch (random.nextInt(5)) {
        case 0 -> random.nextLong();
        case 1 -> Long.MIN_VALUE;
        default -> 1_767_225_600_000L + random.nextInt(1_000_000) * 3_600_000L;
      };
      reference.time(time);
      b.time(time);
    }
    reference.build();
    return b.build();
  }

  /**
   * envmon's point and its encoding as they were before the byte encoder: the builder's checks
   * and maps, {@code LineProtocol.encode} into a StringBuilder. Records the first failure the
   * builder would have thrown.
   */
  private static final class Reference {
    String measurement;
    final Map<String, String> tags = new TreeMap<>();
    final Map<String, Object> fields = new LinkedHashMap<>();
    Long time;
    RuntimeException failure;

    void measurement(String m) {
      check("measurement", m);
      measurement = m;
    }

    void tag(String key, String value) {
      if (failure != null) {
        return;
      }
      check("tag key", key);
      if (failure == null && value != null && !value.isEmpty()) {
        lineBreak("tag " + key, value);
        if (failure == null) {
          tags.put(key, value);
        }
      }
    }

    void field(String key, Object value) {
      if (failure != null) {
        return;
      }
      check("field key", key);
      if (failure == null && value != null) {
        fields.put(key, value);
      }
    }

    void time(long t) {
      if (failure == null) {
        time = t;
      }
    }

    void build() {
      if (failure != null) {
        return;
      }
      if (time == null) {
        failure = new IllegalStateException("point " + measurement + " " + tags + " has no timestamp");
      } else if (fields.isEmpty()) {
        failure = new IllegalStateException("point " + measurement + " " + tags
            + " has no field with a value; line protocol needs at least one field");
      }
    }

    private void check(String what, String name) {
      if (failure != null) {
        return;
      }
      if (name == null || name.isEmpty()) {
        failure = new IllegalArgumentException(what + " must not be empty");
      } else {
        lineBreak(what, name);
      }
    }

    private void lineBreak(String what, String text) {
      if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        failure = new IllegalArgumentException(what + " contains a line break, which line protocol"
            + " cannot encode: '" + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
      }
    }

    String encode() {
      StringBuilder line = new StringBuilder(128);
      escape(line, measurement, false);
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        line.append(',');
        escape(line, tag.getKey(), true);
        line.append('=');
        escape(line, tag.getValue(), true);
      }
      char separator = ' ';
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        line.append(separator);
        separator = ',';
        escape(line, field.getKey(), true);
        line.append('=');
        appendFieldValue(line, field.getValue());
      }
      return line.append(' ').append((long) time).toString();
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
  }
}
