package org.envmon.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointSetComparisonTest {
  private static final String A = "daily,parameter=PM2_5,station=Dongsi 2015-01-01T16:00:00Z";
  private static final String B = "daily,parameter=PM10,station=Dongsi 2015-01-01T16:00:00Z";
  private static final String C = "daily,parameter=SO2,station=Dongsi 2015-01-01T16:00:00Z";

  @Test
  void equalSetsAreIdentical() {
    PointSet s = new PointSet("daily", Map.of(A, Map.of("value", 42.5, "valid", true)));
    PointSetComparison c = PointSetComparison.compare(s, new PointSet("daily", Map.of(A, Map.of("valid", true, "value", 42.5))));
    assertThat(c).isEqualTo(new PointSetComparison("daily", 1, 1, 0, List.of()));
    assertThat(c.identical()).isTrue();
  }

  @Test
  void namesMissingExtraAndDifferentPointsInIdentityOrder() {
    PointSet undisturbed = new PointSet("daily", Map.of(A, Map.of("value", 42.5), B, Map.of("value", 80.0)));
    PointSet chaos = new PointSet("daily", Map.of(A, Map.of("value", 42.0), C, Map.of("value", 9.0)));
    PointSetComparison c = PointSetComparison.compare(undisturbed, chaos);
    assertThat(c.identical()).isFalse();
    assertThat(c.differenceCount()).isEqualTo(3);
    assertThat(c.firstDifferences()).containsExactly(
        "missing point " + B + " {value=80.0}",
        "different values at " + A + ": undisturbed {value=42.5}, chaos {value=42.0}",
        "extra point " + C + " {value=9.0}");
  }

  @Test
  void describesOnlyTheFirstFewButCountsAll() {
    Map<String, Map<String, Object>> many = new java.util.HashMap<>();
    for (int i = 0; i < 20; i++) {
      many.put("hourly,station=S" + (100 + i) + " 2015-01-01T00:00:00Z", Map.of("value", (double) i));
    }
    PointSetComparison c = PointSetComparison.compare(new PointSet("hourly", many), new PointSet("hourly", Map.of()));
    assertThat(c.differenceCount()).isEqualTo(20);
    assertThat(c.firstDifferences()).hasSize(PointSetComparison.DESCRIBED)
        .first().asString().startsWith("missing point hourly,station=S100 ");
    assertThat(c.summary()).startsWith("hourly   undisturbed        20 points, chaos         0 points, 20 differences");
  }

  @Test
  void refusesToCompareDifferentMeasurements() {
    assertThatThrownBy(() -> PointSetComparison.compare(new PointSet("daily", Map.of()), new PointSet("aqi", Map.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot compare daily with aqi");
  }
}
