package org.envmon.streams.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.envmon.standards.Parameter;
import org.junit.jupiter.api.Test;

class QualityControlTest {
  private static final LocalDate DATE = LocalDate.of(2020, 6, 1);
  private static final long HOUR = 3_600_000L;
  private final QualityControl qc = new QualityControl(QcPolicy.defaults());

  private QcVerdict check(Parameter p, double value, String unit, String flag, long at, QcHistory previous) {
    return qc.check(p, value, unit, flag, at, DATE, previous);
  }

  @Test
  void cleanValueIsValid() {
    QcVerdict v = check(Parameter.PM2_5, 35, "ug/m3", "N", 0, null);
    assertThat(v.valid()).isTrue();
    assertThat(v.flags()).isEmpty();
    assertThat(v.history()).isEqualTo(new QcHistory(35, 1, 0));
  }

  @Test
  void sentinelIsUnusableAndCheckedBeforeConversion() {
    // 9999 ug/m3 of CO would be 9.999 mg/m3, a plausible value: the sentinel check must come first
    QcVerdict v = check(Parameter.CO, 9999, "ug/m3", null, 0, null);
    assertThat(v.usable()).isFalse();
    assertThat(v.flags()).containsExactly("SENTINEL");
    assertThat(v.rejection()).contains("sentinel");
  }

  @Test
  void negativeAndOutOfRangeValuesAreFlaggedNotDropped() {
    QcVerdict negative = check(Parameter.PM10, -3, "ug/m3", null, 0, null);
    assertThat(negative.usable()).isTrue();
    assertThat(negative.valid()).isFalse();
    assertThat(negative.flags()).containsExactly("NEGATIVE");
    assertThat(check(Parameter.PM10, 2500, "ug/m3", null, 0, null).flags()).containsExactly("RANGE");
  }

  @Test
  void loggerFlagsOtherThanNormalMakeTheValueInvalid() {
    QcVerdict v = check(Parameter.SO2, 10, "ug/m3", "M", 0, null);
    assertThat(v.valid()).isFalse();
    assertThat(v.flags()).containsExactly("LOGGER_FLAG_M");
  }

  @Test
  void theEighthIdenticalValueInARowIsStuck() {
    QcHistory h = null;
    QcVerdict v = null;
    for (int i = 0; i < 8; i++) {
      v = check(Parameter.NO2, 42, "ug/m3", null, i * HOUR, h);
      h = v.history();
      if (i < 7) {
        assertThat(v.valid()).as("repeat %d", i + 1).isTrue();
      }
    }
    assertThat(v.flags()).containsExactly("STUCK");
    assertThat(v.valid()).as("stuck is suspect: flagged, still counted by default").isTrue();
    assertThat(v.history().repeats()).isEqualTo(8);
  }

  @Test
  void anOperatorCanMakeSuspectFindingsInvalidating() {
    QcPolicy strict = new QcPolicy(QcPolicy.defaults().sentinels(), 2, QcPolicy.defaults().maxRisePerHour(),
        java.util.Set.of(QcFlag.STUCK, QcFlag.NEGATIVE));
    QualityControl qc = new QualityControl(strict);
    QcVerdict first = qc.check(Parameter.NO2, 42, "ug/m3", null, 0, java.time.LocalDate.of(2015, 1, 1), null);
    QcVerdict second = qc.check(Parameter.NO2, 42, "ug/m3", null, HOUR, java.time.LocalDate.of(2015, 1, 1),
        first.history());
    assertThat(second.flags()).containsExactly("STUCK");
    assertThat(second.valid()).isFalse();
  }

  @Test
  void aJumpAboveTheHourlyAllowanceIsASpike() {
    QcHistory previous = new QcHistory(20, 1, 0);
    assertThat(check(Parameter.PM2_5, 600, "ug/m3", null, HOUR, previous).flags()).containsExactly("SPIKE");
    assertThat(check(Parameter.PM2_5, 500, "ug/m3", null, HOUR, previous).flags()).isEmpty();
    // two hours later twice the allowance is plausible
    assertThat(check(Parameter.PM2_5, 1000, "ug/m3", null, 2 * HOUR, previous).flags()).isEmpty();
  }

  @Test
  void pm25AbovePm10IsFound() {
    assertThat(QualityControl.pm25ExceedsPm10(80.0, 70.0)).isTrue();
    assertThat(QualityControl.pm25ExceedsPm10(60.0, 70.0)).isFalse();
    assertThat(QualityControl.pm25ExceedsPm10(80.0, null)).isFalse();
  }

  @Test
  void anOutOfOrderValueLeavesTheSeriesHistoryAlone() {
    QcHistory previous = new QcHistory(20, 3, 5 * HOUR);
    QcVerdict late = check(Parameter.PM2_5, 20, "ug/m3", null, HOUR, previous);
    assertThat(late.valid()).isTrue();
    assertThat(late.history()).isEqualTo(previous);
  }
}
