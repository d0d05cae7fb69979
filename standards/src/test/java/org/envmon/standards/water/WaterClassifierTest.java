package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.envmon.standards.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaterClassifierTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  private final WaterClassifier water = WaterClassifier.builtIn();

  @ParameterizedTest(name = "{0} = {1} in a {2} -> {3}")
  @CsvSource({
      // exact limits belong to the class
      "NH3N, 0.15, RIVER, I", "NH3N, 0.5, RIVER, II", "NH3N, 1.0, RIVER, III", "NH3N, 1.5, RIVER, IV",
      "NH3N, 2.0, RIVER, V", "NH3N, 2.01, RIVER, WORSE_THAN_V", "NH3N, 0.16, RIVER, II",
      "CODMN, 2, RIVER, I", "CODMN, 4, RIVER, II", "CODMN, 6, RIVER, III", "CODMN, 10, RIVER, IV",
      "CODMN, 15, RIVER, V", "CODMN, 15.1, RIVER, WORSE_THAN_V",
      "COD, 15, RIVER, I", "COD, 20, RIVER, III", "COD, 30, RIVER, IV", "COD, 40, RIVER, V", "COD, 41, RIVER, WORSE_THAN_V",
      "BOD5, 3, RIVER, I", "BOD5, 4, RIVER, III", "BOD5, 6, RIVER, IV", "BOD5, 10, RIVER, V",
      // dissolved oxygen is a floor
      "DO, 7.5, RIVER, I", "DO, 7.49, RIVER, II", "DO, 6, RIVER, II", "DO, 5, RIVER, III", "DO, 3, RIVER, IV",
      "DO, 2, RIVER, V", "DO, 1.99, RIVER, WORSE_THAN_V",
      // pH 6..9 in every class
      "PH, 6, RIVER, I", "PH, 9, RIVER, I", "PH, 5.9, RIVER, WORSE_THAN_V", "PH, 9.1, LAKE, WORSE_THAN_V",
      // TP: rivers and lakes differ
      "TP, 0.02, RIVER, I", "TP, 0.1, RIVER, II", "TP, 0.2, RIVER, III", "TP, 0.3, RIVER, IV", "TP, 0.4, RIVER, V",
      "TP, 0.41, RIVER, WORSE_THAN_V",
      "TP, 0.01, LAKE, I", "TP, 0.025, LAKE, II", "TP, 0.05, LAKE, III", "TP, 0.1, LAKE, IV", "TP, 0.2, LAKE, V",
      "TP, 0.21, LAKE, WORSE_THAN_V", "TP, 0.04, RESERVOIR, III",
      "TN, 0.2, LAKE, I", "TN, 1.0, LAKE, III", "TN, 2.0, LAKE, V", "TN, 2.1, LAKE, WORSE_THAN_V",
  })
  void indicatorClass(Parameter p, double value, String body, WaterClass expected) {
    assertThat(water.classify(DAY, p, value, body)).isEqualTo(expected);
  }

  @Test
  void totalNitrogenHasNoRiverClass() {
    assertThatThrownBy(() -> water.classify(DAY, Parameter.TN, 1.0, "RIVER"))
        .hasMessageContaining("TN has no GB 3838 class limits for RIVER");
  }

  @Test
  void unknownBodyType() {
    assertThatThrownBy(() -> water.classify(DAY, Parameter.DO, 1.0, "SEA"))
        .hasMessageContaining("unknown water body type 'SEA'; use RIVER or LAKE");
  }

  @Test
  void sectionIsTheWorstIndicatorAndTnIsSeparate() {
    Map<Parameter, Double> v = new LinkedHashMap<>();
    v.put(Parameter.DO, 5.5);      // III
    v.put(Parameter.TP, 0.04);     // lake III
    v.put(Parameter.NH3N, 0.8);    // III
    v.put(Parameter.CODMN, 3.0);   // II
    v.put(Parameter.TN, 1.8);      // lake V, but reported separately
    v.put(Parameter.WATER_TEMP, 18.0);
    SectionClassification s = water.classifySection(DAY, v, "LAKE");
    assertThat(s.sectionClass()).isEqualTo(WaterClass.III);
    assertThat(s.sectionClass().label()).isEqualTo("良好");
    assertThat(s.determining()).containsExactlyInAnyOrder(Parameter.DO, Parameter.TP, Parameter.NH3N);
    assertThat(s.indicators()).containsEntry(Parameter.CODMN, WaterClass.II).doesNotContainKey(Parameter.TN);
    assertThat(s.reportedSeparately()).containsExactly(Map.entry(Parameter.TN, WaterClass.V));
  }

  @Test
  void oneIndicatorFailingClassVMakesTheSectionWorseThanV() {
    SectionClassification s = water.classifySection(DAY,
        Map.of(Parameter.DO, 8.0, Parameter.NH3N, 2.5, Parameter.TN, 9.0), "RIVER");
    assertThat(s.sectionClass()).isEqualTo(WaterClass.WORSE_THAN_V);
    assertThat(s.sectionClass().display()).isEqualTo("劣V");
    assertThat(s.sectionClass().label()).isEqualTo("重度污染");
    assertThat(s.reportedSeparately()).isEmpty();
    assertThat(s.determining()).containsExactly(Parameter.NH3N);
  }

  @Test
  void sectionWithoutClassifiableIndicators() {
    assertThatThrownBy(() -> water.classifySection(DAY, Map.of(Parameter.WATER_TEMP, 10.0), "RIVER"))
        .hasMessageContaining("no classifiable indicator");
  }

  @Test
  void labels() {
    assertThat(WaterClass.I.label()).isEqualTo("优");
    assertThat(WaterClass.II.label()).isEqualTo("优");
    assertThat(WaterClass.IV.label()).isEqualTo("轻度污染");
    assertThat(WaterClass.V.label()).isEqualTo("中度污染");
    assertThat(WaterClass.III.goodWater()).isTrue();
    assertThat(WaterClass.IV.goodWater()).isFalse();
  }
}
