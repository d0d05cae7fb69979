package org.envmon.streams.internals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.voc.HotSpotPolicy;
import org.junit.jupiter.api.Test;

class EvaluationSettingsTest {
  @Test
  void defaultsAndOverrides() {
    EvaluationSettings s = EvaluationSettings.builder(Catalog.builtIn()).asYear(2026).planGraceDays(0)
        .alerts(new AlertPolicy(0.8, Map.of("r", 1.0), 2, Map.of("r", 3), 1.5, 2.0)).build();
    assertThat(s.plan().planYear(2015)).isEqualTo(2026);
    assertThat(s.plan().redatedFrom(2015)).isEqualTo(2015);
    assertThat(s.plan().redatedFrom(2026)).isNull();
    assertThat(s.plan().graceDays()).isZero();
    assertThat(s.alerts().clearRatio("r")).isEqualTo(1.0);
    assertThat(s.alerts().clearRatio("other")).isEqualTo(0.8);
    assertThat(s.alerts().pending("r")).isEqualTo(3);
    assertThat(s.hotSpot()).isEqualTo(HotSpotPolicy.DEFAULT);
  }

  @Test
  void invalidValuesAreRejectedWithTheirName() {
    assertThatThrownBy(() -> new AlertPolicy(1.2, Map.of(), 1, Map.of(), 1.5, 2.0)).hasMessageContaining("clearRatio");
    assertThatThrownBy(() -> new AlertPolicy(0.9, Map.of("GB.X", 0.0), 1, Map.of(), 1.5, 2.0))
        .hasMessageContaining("GB.X");
    assertThatThrownBy(() -> new AlertPolicy(0.9, Map.of(), 0, Map.of(), 1.5, 2.0)).hasMessageContaining("pending");
    assertThatThrownBy(() -> EvaluationSettings.builder(Catalog.builtIn()).asYear(1900))
        .hasMessageContaining("as-year");
    assertThatThrownBy(() -> new HotSpotPolicy(1.0, 168, 24)).hasMessageContaining("k");
  }
}
