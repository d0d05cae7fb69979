package org.envmon.sinks.influx.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinePointTest {

  @Test
  void escapesTagsAndFieldKeysAndMeasurement() {
    LinePoint p = LinePoint.measurement("my m,x")
        .tag("station", "Dong si,1=a")
        .tag("district", "东城")
        .field("a b", 1.5)
        .time(1000)
        .build();
    assertThat(p.toLineProtocol())
        .isEqualTo("my\\ m\\,x,district=东城,station=Dong\\ si\\,1\\=a a\\ b=1.5 1000");
  }

  @Test
  void escapesQuotesAndBackslashesInStringFields() {
    LinePoint p = LinePoint.measurement("alerts").tag("station", "s")
        .field("message", "PM2.5 \"high\" at C:\\x, a=b")
        .time(1)
        .build();
    assertThat(p.toLineProtocol())
        .isEqualTo("alerts,station=s message=\"PM2.5 \\\"high\\\" at C:\\\\x, a=b\" 1");
  }

  @Test
  void writesTypedFieldsAndLeavesOutAbsentValues() {
    LinePoint p = LinePoint.measurement("hourly").tag("station", "s").tag("district", "")
        .field("value", (Double) null)
        .field("nan", Double.NaN)
        .field("samples", 3)
        .field("valid", false)
        .field("big", 1.0e21)
        .time(1_700_000_000_000L)
        .build();
    assertThat(p.toLineProtocol())
        .isEqualTo("hourly,station=s samples=3i,valid=false,big=1.0E21 1700000000000");
  }

  @Test
  void refusesPointsLineProtocolCannotCarry() {
    assertThatThrownBy(() -> LinePoint.measurement("m").tag("station", "a\nb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    assertThatThrownBy(() -> LinePoint.measurement("m").tag("s", "x").time(1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no field");
    assertThatThrownBy(() -> LinePoint.measurement("m").field("f", 1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no timestamp");
  }
}
