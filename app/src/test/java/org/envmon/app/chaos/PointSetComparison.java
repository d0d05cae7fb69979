package org.envmon.app.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How the points of a disturbed run differ from those of an undisturbed run of the same input:
 * points missing, points extra, and points whose field values differ.
 *
 * @param measurement    the measurement compared
 * @param baselineCount  points of the undisturbed run
 * @param chaosCount     points of the disturbed run
 * @param differenceCount every point that is missing, extra or different
 * @param firstDifferences the first few of them, described
 */
record PointSetComparison(String measurement, int baselineCount, int chaosCount, int differenceCount,
                          List<String> firstDifferences) {
  static final int DESCRIBED = 5;

  static PointSetComparison compare(PointSet baseline, PointSet chaos) {
    if (!baseline.measurement().equals(chaos.measurement())) {
      throw new IllegalArgumentException("cannot compare " + baseline.measurement() + " with " + chaos.measurement());
    }
    TreeSet<String> identities = new TreeSet<>(baseline.points().keySet());
    identities.addAll(chaos.points().keySet());
    int count = 0;
    List<String> described = new ArrayList<>();
    for (String id : identities) {
      Map<String, Object> expected = baseline.points().get(id);
      Map<String, Object> actual = chaos.points().get(id);
      String difference = expected == null ? "extra point " + id + " " + actual
          : actual == null ? "missing point " + id + " " + expected
          : Objects.equals(expected, actual) ? null
          : "different values at " + id + ": undisturbed " + expected + ", chaos " + actual;
      if (difference != null) {
        count++;
        if (described.size() < DESCRIBED) {
          described.add(difference);
        }
      }
    }
    return new PointSetComparison(baseline.measurement(), baseline.size(), chaos.size(), count, List.copyOf(described));
  }

  boolean identical() {
    return differenceCount == 0;
  }

  String summary() {
    return String.format("%-8s undisturbed %,9d points, chaos %,9d points, %s", measurement, baselineCount, chaosCount,
        identical() ? "identical" : differenceCount + " differences, first: " + String.join("; ", firstDifferences));
  }
}
