package org.envmon.sinks.influx.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.write.InfluxWriteException;
import org.junit.jupiter.api.Test;

/** Bisection against a write rule that refuses every point with a string {@code value}. */
class RejectionIsolatorTest {
  private final List<LinePoint> stored = new ArrayList<>();
  private int writes;

  private void write(List<LinePoint> points) throws InfluxWriteException {
    writes++;
    if (points.stream().anyMatch(p -> p.fields().get("value") instanceof String)) {
      throw new InfluxWriteException(InfluxWriteException.Kind.REJECTED, 400,
          "field type conflict", null);
    }
    stored.addAll(points);
  }

  private static LinePoint point(int i, boolean bad) {
    LinePoint.Builder b = LinePoint.measurement("hourly").tag("station", "s" + i).time(i);
    return (bad ? b.field("value", "oops") : b.field("value", (double) i)).build();
  }

  @Test
  void writesEveryGoodPointAndReturnsExactlyTheBadOnes() throws Exception {
    List<Integer> bad = List.of(3, 17, 18);
    List<Integer> items = IntStream.range(0, 32).boxed().toList();
    List<LinePoint> points = items.stream().map(i -> point(i, bad.contains(i))).toList();

    List<RejectionIsolator.Rejected<Integer>> rejected =
        RejectionIsolator.writeIsolating(items, points, this::write);

    assertThat(rejected).extracting(RejectionIsolator.Rejected::item).containsExactly(3, 17, 18);
    assertThat(rejected).extracting(RejectionIsolator.Rejected::reason).containsOnly("field type conflict");
    assertThat(stored).hasSize(29).doesNotContainAnyElementsOf(bad.stream().map(i -> point(i, true)).toList());
    assertThat(writes).isLessThan(32);
  }

  @Test
  void aCleanBatchIsOneWrite() throws Exception {
    List<Integer> items = List.of(0, 1, 2);
    assertThat(RejectionIsolator.writeIsolating(items, items.stream().map(i -> point(i, false)).toList(),
        this::write)).isEmpty();
    assertThat(writes).isEqualTo(1);
    assertThat(stored).hasSize(3);
  }
}
