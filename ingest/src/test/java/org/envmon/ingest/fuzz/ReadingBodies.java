package org.envmon.ingest.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Valid JSON and CSV reading bodies (for the TestStations registry) and hostile shapes built from them. */
final class ReadingBodies {
  static final List<byte[]> JSON = utf8(List.of(
      "{\"station\":\"Dongsi\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T08:00:00+08:00\",\"value\":35.2}",
      "[{\"station\":\"Dongsi\",\"parameter\":\"PM10\",\"time\":\"2026-05-01T08:00:00+08:00\",\"value\":71,"
          + "\"unit\":\"ug/m3\",\"flag\":\"N\",\"periodSeconds\":3600},"
          + "{\"station\":\"Dongsi\",\"parameter\":\"CO\",\"time\":1777593600000,\"value\":\"0.7\",\"unit\":\"mg/m3\"}]",
      "{\"station\":\"Dongsi\",\"parameter\":\"O3\",\"time\":\"2026-05-01T09:00:00Z\",\"value\":120,"
          + "\"sampleMinutes\":45,\"extra\":{\"nested\":[1,2,3]}}"));

  static final List<byte[]> CSV = utf8(List.of(
      "station,parameter,time,value,unit,flag\n"
          + "Dongsi,PM10,2026-05-01T08:00:00+08:00,71,ug/m3,N\n"
          + "Dongsi,CO,2026-05-01T08:00:00+08:00,0.7,mg/m3,N\n",
      "time,value,unit,parameter,station,periodSeconds,sampleMinutes\n"
          + "2026-05-01T08:00:00+08:00,35.2,ug/m3,PM2_5,Dongsi,3600,60\n",
      "station,parameter,time,value,unit\r\n\"Dongsi\",\"SO2\",\"2026-05-01T08:00:00+08:00\",\"8\",\"ug/m3\"\r\n"));

  private ReadingBodies() {}

  /** Arrays or objects nested {@code depth} deep around a valid reading. */
  static byte[] deeplyNested(int depth, boolean arrays) {
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String inner = new String(JSON.get(0), StandardCharsets.UTF_8);
    return (open.repeat(depth) + inner + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
  }

  /** A reading whose field {@code field} holds {@code length} characters. */
  static byte[] longField(String field, int length, char fill) {
    String value = String.valueOf(fill).repeat(length);
    return ("{\"station\":\"Dongsi\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T08:00:00+08:00\",\"value\":1,\""
        + field + "\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** A reading whose value is a number literal of {@code digits} digits (and maybe an exponent). */
  static byte[] longNumber(int digits, String exponent) {
    return ("{\"station\":\"Dongsi\",\"parameter\":\"PM2_5\",\"time\":\"2026-05-01T08:00:00+08:00\",\"value\":"
        + "9".repeat(digits) + exponent + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** A CSV body with {@code rows} copies of a data line, some with too few or too many fields. */
  static byte[] manyRows(int rows, Mutator m) {
    StringBuilder sb = new StringBuilder("station,parameter,time,value,unit\n");
    for (int i = 0; i < rows; i++) {
      sb.append("Dongsi,PM2_5,2026-05-01T08:00:00+08:00,").append(m.nextInt(500)).append(",ug/m3");
      sb.append(m.chance(0.1) ? ",x" : "").append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> utf8(List<String> texts) {
    return texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
  }
}
