package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.envmon.standards.Parameter;
import org.junit.jupiter.api.Test;

class Hj212MappingTest {
  @Test
  void defaultTableCoversTheStandardCodes() {
    Hj212CodeTable codes = Hj212Mapping.defaults().codes("any");

    assertThat(codes.target("a34004")).contains(new Hj212CodeTable.Target(Parameter.PM2_5, "ug/m3"));
    assertThat(codes.target("a34002")).contains(new Hj212CodeTable.Target(Parameter.PM10, "ug/m3"));
    assertThat(codes.target("a21026")).contains(new Hj212CodeTable.Target(Parameter.SO2, "ug/m3"));
    assertThat(codes.target("a21004")).contains(new Hj212CodeTable.Target(Parameter.NO2, "ug/m3"));
    assertThat(codes.target("a21005")).contains(new Hj212CodeTable.Target(Parameter.CO, "mg/m3"));
    assertThat(codes.target("a05024")).contains(new Hj212CodeTable.Target(Parameter.O3, "ug/m3"));
    assertThat(codes.target("w01001")).contains(new Hj212CodeTable.Target(Parameter.PH, "pH"));
    assertThat(codes.target("w01009")).contains(new Hj212CodeTable.Target(Parameter.DO, "mg/L"));
    assertThat(codes.target("w01019")).contains(new Hj212CodeTable.Target(Parameter.CODMN, "mg/L"));
    assertThat(codes.target("w21003")).contains(new Hj212CodeTable.Target(Parameter.NH3N, "mg/L"));
    assertThat(codes.target("w21011")).contains(new Hj212CodeTable.Target(Parameter.TP, "mg/L"));
    assertThat(codes.target("w21001")).contains(new Hj212CodeTable.Target(Parameter.TN, "mg/L"));
    assertThat(codes.target("LA")).contains(new Hj212CodeTable.Target(Parameter.LA, "dB(A)"));
    assertThat(codes.target("a24088")).contains(new Hj212CodeTable.Target(Parameter.NMHC, "mg/m3"));
    assertThat(codes.target("a25002")).contains(new Hj212CodeTable.Target(Parameter.BENZENE, "mg/m3"));
    assertThat(codes.target("a25003")).contains(new Hj212CodeTable.Target(Parameter.TOLUENE, "mg/m3"));
    assertThat(codes.target("a25005")).contains(new Hj212CodeTable.Target(Parameter.XYLENE, "mg/m3"));
    assertThat(codes.target("060")).contains(new Hj212CodeTable.Target(Parameter.NH3N, "mg/L"));
    assertThat(codes.target("101")).contains(new Hj212CodeTable.Target(Parameter.TP, "mg/L"));
    assertThat(codes.ignores("a01001")).isTrue();
    assertThat(codes.ignores("B01")).isTrue();
    // COD (dichromate) is its own parameter, not CODMn.
    assertThat(codes.target("011")).contains(new Hj212CodeTable.Target(Parameter.COD, "mg/L"));
    assertThat(codes.target("w01018")).contains(new Hj212CodeTable.Target(Parameter.COD, "mg/L"));
    assertThat(codes.target("x99999")).isEmpty();
    assertThat(codes.ignores("x99999")).isFalse();
    assertThat(Hj212Mapping.defaults().zone("any")).isEqualTo(ZoneOffset.ofHours(8));
  }

  @Test
  void aFileOverridesCodesAndZonesGloballyAndPerStation() {
    String yaml = """
        codes:
          "a01001": {parameter: WATER_TEMP, unit: degC}
          "a34004": ignore
        stations:
          Dongsi:
            zone: Asia/Shanghai
            codes:
              "a34004": {parameter: PM2_5, unit: ng/m3}
          Shunyi:
            zone: "+00:00"
        """;
    Hj212Mapping mapping = Hj212Mapping.load(new StringReader(yaml), "test.yaml");

    assertThat(mapping.codes("other").ignores("a34004")).isTrue();
    assertThat(mapping.codes("other").target("a01001")).contains(new Hj212CodeTable.Target(Parameter.WATER_TEMP, "degC"));
    assertThat(mapping.codes("other").target("a21004")).isPresent();
    assertThat(mapping.codes("Dongsi").target("a34004")).contains(new Hj212CodeTable.Target(Parameter.PM2_5, "ng/m3"));
    assertThat(mapping.codes("Dongsi").ignores("a34004")).isFalse();
    assertThat(mapping.zone("Dongsi")).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(mapping.zone("Shunyi")).isEqualTo(ZoneOffset.UTC);
    assertThat(mapping.zone("other")).isEqualTo(ZoneOffset.ofHours(8));
  }

  @Test
  void configurationErrorsNameTheEntryAndTheFix() {
    assertThatThrownBy(() -> Hj212Mapping.load(new StringReader("codes:\n  011: ignore\n"), "m.yaml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m.yaml: codes").hasMessageContaining("quote");
    assertThatThrownBy(() -> Hj212Mapping.load(new StringReader("codes:\n  \"x1\": {parameter: PM3}\n"), "m.yaml"))
        .hasMessageContaining("x1").hasMessageContaining("PM3").hasMessageContaining("PM2_5");
    assertThatThrownBy(() -> Hj212Mapping.load(new StringReader("codes:\n  \"x1\": yes-please\n"), "m.yaml"))
        .hasMessageContaining("ignore");
    assertThatThrownBy(() -> Hj212Mapping.load(new StringReader("zone: Mars/Base\n"), "m.yaml"))
        .hasMessageContaining("m.yaml: zone").hasMessageContaining("+08:00");
  }
}
