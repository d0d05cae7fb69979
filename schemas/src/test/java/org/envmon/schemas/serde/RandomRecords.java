package org.envmon.schemas.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Random generic records of any schema, with the awkward values (NaN, empty, non-ASCII, extremes) often. */
final class RandomRecords {
  private static final double[] SPECIAL_DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 75.0};
  private static final long[] SPECIAL_LONGS = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 1_420_070_400_000L};
  private static final int[] SPECIAL_INTS = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 60};
  private static final String[] SPECIAL_STRINGS = {"", "东城", "PM2_5", "a\u0000b", "\uD83D\uDE00", "\"\\,= \n"};

  private final Random random;

  RandomRecords(long seed) {
    this.random = new Random(seed);
  }

  GenericRecord record(Schema schema) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(field.pos(), value(field.schema(), 0));
    }
    return record;
  }

  private Object value(Schema schema, int depth) {
    return switch (schema.getType()) {
      case RECORD -> record(schema);
      case ENUM -> new GenericData.EnumSymbol(schema,
          schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())));
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (int i = random.nextInt(depth > 1 ? 1 : 5); i > 0; i--) {
          items.add(value(schema.getElementType(), depth + 1));
        }
        yield new GenericData.Array<>(schema, items);
      }
      case MAP -> {
        Map<String, Object> entries = new HashMap<>();
        for (int i = random.nextInt(depth > 1 ? 1 : 5); i > 0; i--) {
          entries.put(string(), value(schema.getValueType(), depth + 1));
        }
        yield entries;
      }
      case UNION -> value(schema.getTypes().get(random.nextInt(schema.getTypes().size())), depth);
      case STRING -> string();
      case BYTES -> {
        byte[] b = new byte[random.nextInt(8)];
        random.nextBytes(b);
        yield ByteBuffer.wrap(b);
      }
      case FIXED -> {
        byte[] b = new byte[schema.getFixedSize()];
        random.nextBytes(b);
        yield new GenericData.Fixed(schema, b);
      }
      case INT -> random.nextInt(4) == 0 ? SPECIAL_INTS[random.nextInt(SPECIAL_INTS.length)] : random.nextInt();
      case LONG -> random.nextInt(4) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)] : random.nextLong();
      case FLOAT -> random.nextFloat();
      case DOUBLE -> random.nextInt(3) == 0 ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)]
          : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 5);
      case BOOLEAN -> random.nextBoolean();
      case NULL -> null;
    };
  }

  private String string() {
    if (random.nextInt(3) == 0) {
      return SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)];
    }
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(24); i > 0; i--) {
      s.appendCodePoint(random.nextInt(4) == 0 ? 0x4E00 + random.nextInt(0x5000) : 0x20 + random.nextInt(0x5F));
    }
    return s.toString();
  }
}
