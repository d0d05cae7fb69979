package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.Test;

class AlertFilterTest {
  private static final Alert DONGSI = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
  private static final Alert RIVER = TestAlerts.alert("Lugouqiao", "丰台", Medium.WATER, "GB3838-2002.COD.III",
      "warning", AlertState.OPEN);

  @Test
  void emptyFilterAcceptsEverything() {
    assertThat(AlertFilter.ANY.matches(DONGSI)).isTrue();
    assertThat(AlertFilter.parse(null, "", " ", null).matches(RIVER)).isTrue();
  }

  @Test
  void parsesCommaSeparatedListsCaseInsensitivelyForMediumAndSeverity() {
    AlertFilter f = AlertFilter.parse("东城, 西城", "Air,voc", "MAJOR,critical", "GB3095-2012.PM2_5,GB3095-2012.O3");
    assertThat(f.districts()).isEqualTo(Set.of("东城", "西城"));
    assertThat(f.media()).isEqualTo(Set.of(Medium.AIR, Medium.VOC));
    assertThat(f.severities()).isEqualTo(Set.of("major", "critical"));
    assertThat(f.rulePrefixes()).isEqualTo(List.of("GB3095-2012.PM2_5", "GB3095-2012.O3"));
  }

  @Test
  void everyCriterionMustMatch() {
    assertThat(AlertFilter.parse("东城", null, null, null).matches(DONGSI)).isTrue();
    assertThat(AlertFilter.parse("东城", null, null, null).matches(RIVER)).isFalse();
    assertThat(AlertFilter.parse(null, "water", null, null).matches(DONGSI)).isFalse();
    assertThat(AlertFilter.parse(null, "water", null, null).matches(RIVER)).isTrue();
    assertThat(AlertFilter.parse(null, null, "critical", null).matches(DONGSI)).isFalse();
    assertThat(AlertFilter.parse(null, null, null, "GB3095").matches(DONGSI)).isTrue();
    assertThat(AlertFilter.parse(null, null, null, "GB3095").matches(RIVER)).isFalse();
    assertThat(AlertFilter.parse("东城", "air", "major", "GB3095-2012.PM2_5.24h").matches(DONGSI)).isTrue();
    assertThat(AlertFilter.parse("东城", "air", "minor", "GB3095-2012.PM2_5.24h").matches(DONGSI)).isFalse();
  }

  @Test
  void unknownMediumNamesTheValidOnes() {
    assertThatThrownBy(() -> AlertFilter.parse(null, "soil", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown medium 'soil'; use one of [air, water, noise, voc]");
  }
}
