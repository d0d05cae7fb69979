package org.envmon.sinks.influx.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.envmon.sinks.influx.point.LinePoint;
import org.junit.jupiter.api.Test;

class LineBatchTest {
  private static List<LinePoint> points(int n, String district) {
    List<LinePoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(LinePoint.measurement("hourly").tag("station", "s " + i).tag("district", district)
          .field("value", i / 10.0).field("samples", i).field("valid", i % 2 == 0).time(1_767_225_600_000L + i)
          .build());
    }
    return points;
  }

  private static String lines(List<LinePoint> points) {
    StringBuilder s = new StringBuilder();
    points.forEach(p -> s.append(p.toLineProtocol()).append('\n'));
    return s.toString();
  }

  private static byte[] gunzip(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }

  @Test
  void bodyIsTheLinesInUtf8PlainOrGzipped() throws IOException {
    List<LinePoint> points = points(3_000, "东城");
    byte[] expected = lines(points).getBytes(StandardCharsets.UTF_8);
    assertThat(LineBatch.body(points, false)).isEqualTo(expected);
    assertThat(gunzip(LineBatch.body(points, true))).isEqualTo(expected);
  }

  @Test
  void aReusedBatchHoldsOnlyTheLatestPoints() throws IOException {
    LineBatch batch = new LineBatch(16);
    batch.render(points(2_000, "东城"));
    batch.gzip();
    List<LinePoint> second = points(5, "Dongcheng");
    batch.render(second);
    byte[] expected = lines(second).getBytes(StandardCharsets.UTF_8);
    assertThat(batch.lines.toByteArray()).isEqualTo(expected);
    assertThat(gunzip(Arrays.copyOf(batch.gzip(), batch.gzippedSize()))).isEqualTo(expected);
    assertThat(batch.worthKeeping()).isTrue();
  }
}
