package org.envmon.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.envmon.testkit.RepositoryFiles;

class StationRegistryTest {
  private static final String HASH = CredentialHash.of("123456");

  /** A valid air station starting on line 2 of the file; lines 2..7. */
  private static final String AIR = """
      stations:
        - id: Dongsi
          name: 东四 Dongsi
          medium: AIR
          district: 东城
          lat: 39.929
          lon: 116.417
      """;

  private static StationRegistry parse(String yaml) {
    return StationRegistry.parse(new StringReader(yaml), "test-stations.yaml");
  }

  private static StationFileException problemsOf(String yaml) {
    return catchThrowableOfType(StationFileException.class, () -> parse(yaml));
  }

  @Test
  void shippedStationFileLoads() {
    StationRegistry registry = StationRegistry.load(RepositoryFiles.root().resolve("config/stations.yaml"));

    Map<String, String> airDistricts = registry.all().stream().map(StationEntry::station)
        .filter(s -> s.getMedium() == Medium.AIR).collect(Collectors.toMap(Station::getId, Station::getDistrict));
    assertThat(airDistricts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("Dongsi", "东城"), Map.entry("Tiantan", "东城"), Map.entry("Guanyuan", "西城"),
        Map.entry("Wanshouxigong", "西城"), Map.entry("Aotizhongxin", "朝阳"), Map.entry("Nongzhanguan", "朝阳"),
        Map.entry("Wanliu", "海淀"), Map.entry("Gucheng", "石景山"), Map.entry("Changping", "昌平"),
        Map.entry("Dingling", "昌平"), Map.entry("Shunyi", "顺义"), Map.entry("Huairou", "怀柔")));
    assertThat(registry.all()).extracting(e -> e.station().getMedium())
        .contains(Medium.WATER, Medium.NOISE, Medium.VOC);
    assertThat(registry.all().stream().filter(e -> e.station().getMedium() == Medium.NOISE)
        .map(e -> e.station().getNoiseZone())).contains("1", "2", "3", "4a");
    assertThat(registry.byId("MiyunReservoir").orElseThrow().station().getWaterBodyType()).isEqualTo("LAKE");
    assertThat(registry.byId("VocYanshanPetrochem").orElseThrow().station().getDistrict()).isEqualTo("房山");
    assertThat(registry.byId("VocBDA").orElseThrow().station().getDistrict()).isEqualTo("经开区");
    StationEntry dongsi = registry.byId("Dongsi").orElseThrow();
    assertThat(registry.byMn(dongsi.mn().orElseThrow())).contains(dongsi);
    assertThat(CredentialHash.matches(dongsi.hj212PasswordHash(), "123456")).isTrue();
    assertThat(CredentialHash.matches(dongsi.httpTokenHash(), "demo-Dongsi")).isTrue();
    assertThat(registry.all()).allSatisfy(e -> assertThat(e.mn()).isPresent());
  }

  @Test
  void defaultsAndMediumSpecificFields() {
    StationRegistry registry = parse(AIR + """
          - id: Lake
            name: Lake
            medium: water
            district: 密云
            lat: 40.5
            lon: 116.9
            waterTargetClass: II
            waterBodyType: lake
            timeConvention: HOUR_ENDING
            cadenceSeconds: 14400
            hj212: {mn: "110118W0001", passwordHash: "%s", modbusCrc: true}
        """.formatted(HASH));

    Station dongsi = registry.byId("Dongsi").orElseThrow().station();
    assertThat(dongsi.getAirGrade()).isEqualTo(2);
    assertThat(dongsi.getTimeConvention()).isEqualTo("HOUR_BEGINNING");
    assertThat(dongsi.getCadenceSeconds()).isEqualTo(3600);
    assertThat(dongsi.getHj212Mn()).isNull();
    StationEntry lake = registry.byMn("110118W0001").orElseThrow();
    assertThat(lake.station().getWaterTargetClass()).isEqualTo(2);
    assertThat(lake.station().getWaterBodyType()).isEqualTo("LAKE");
    assertThat(lake.station().getTimeConvention()).isEqualTo("HOUR_ENDING");
    assertThat(lake.station().getCadenceSeconds()).isEqualTo(14400);
    assertThat(lake.hj212ModbusCrc()).isTrue();
    assertThat(lake.hj212PasswordHash()).isEqualTo(HASH);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      unknown medium         | medium: AIR        | medium: SOIL          | 4 | 'medium' = 'SOIL' is not one of AIR, WATER, NOISE, VOC
      latitude out of range  | lat: 39.929        | lat: 91               | 6 | 'lat' = 91 is out of range
      longitude not a number | lon: 116.417       | lon: east             | 7 | 'lon' = 'east' is not a number
      unknown district       | district: 东城     | district: Gotham      | 5 | district 'Gotham' is not a Beijing district
      empty district         | district: 东城     | "district:"           | 5 | 'district' is empty
      typo in a key          | lon: 116.417       | lon: 1, lnog: 1       | 8 | unknown key 'lnog'
      noise zone on air      | lon: 116.417       | lon: 1, noiseZone: 2  | 8 | 'noiseZone' applies to NOISE stations only
      bad id                 | id: Dongsi         | id: Dong si           | 2 | station id 'Dong si' must be
      bad air grade          | lon: 116.417       | lon: 1, airGrade: 3   | 8 | 'airGrade' = '3' is not one of 1, 2
      bad time convention    | lon: 116.417       | lon: 1, timeConvention: HOUR_MIDDLE | 8 | 'timeConvention' = 'HOUR_MIDDLE'
      bad cadence            | lon: 116.417       | lon: 1, cadenceSeconds: 0 | 8 | cadenceSeconds '0' must be
      """)
  void reportsTheLineOfTheBadValue(String what, String replace, String with, int line, String message) {
    String yaml = AIR.replace(replace, with.replace(", ", "\n    "));
    StationFileException e = problemsOf(yaml);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("test-stations.yaml");
      assertThat(p.line()).as(what).isEqualTo(line);
      assertThat(p.message()).contains(message);
    });
    assertThat(e.getMessage()).contains("test-stations.yaml:" + line + ":");
  }

  @Test
  void missingDistrictNamesTheStationAndItsLine() {
    StationFileException e = problemsOf(AIR.replace("    district: 东城\n", ""));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).isEqualTo("a station 'Dongsi' is missing the required key 'district'");
    });
  }

  @Test
  void duplicateIdPointsAtBothLines() {
    StationFileException e = problemsOf(AIR + AIR.replace("stations:\n", ""));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).isEqualTo("duplicate station id 'Dongsi' (first defined on line 2)");
    });
  }

  @Test
  void noiseZoneMustBeAGb3096Class() {
    String noise = """
        stations:
          - id: N1
            name: noise
            medium: NOISE
            district: 西城
            lat: 39.9
            lon: 116.3
            noiseZone: 5
        """;
    assertThat(problemsOf(noise).problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.column()).isEqualTo(16);
      assertThat(p.message()).isEqualTo("'noiseZone' = '5' is not one of 0, 1, 2, 3, 4a, 4b");
    });
    assertThat(parse(noise.replace("noiseZone: 5", "noiseZone: 4B")).byId("N1").orElseThrow().station()
        .getNoiseZone()).isEqualTo("4b");
  }

  @Test
  void waterClassMustBeOneToFive() {
    String water = """
        stations:
          - id: W1
            name: river
            medium: WATER
            district: 丰台
            lat: 39.8
            lon: 116.2
            waterTargetClass: 6
            waterBodyType: RIVER
        """;
    assertThat(problemsOf(water).problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).contains("waterTargetClass '6' must be a GB 3838 class 1 to 5");
    });
    assertThat(problemsOf(water.replace("Class: 6", "Class: 3").replace("    waterBodyType: RIVER\n", "")).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("missing the required key 'waterBodyType'"));
  }

  @Test
  void plainTextPasswordIsRefusedWithoutEchoingIt() {
    StationFileException e = problemsOf(AIR + """
            hj212:
              mn: M1
              passwordHash: hunter2
        """);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.message()).contains("passwordHash looks like a plain-text secret");
    });
    assertThat(e.getMessage()).doesNotContain("hunter2");

    StationFileException shortHash = problemsOf(AIR + """
            http: {tokenHash: "sha256:abc"}
        """);
    assertThat(shortHash.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).contains("tokenHash must be sha256: followed by exactly 64 hex digits (got 3");
    });
  }

  @Test
  void duplicateMnIsRefused() {
    String second = AIR.replace("stations:\n", "").replace("Dongsi", "Tiantan");
    String hj = "    hj212: {mn: SAME, passwordHash: \"" + HASH + "\"}\n";
    StationFileException e = problemsOf(AIR + hj + second + hj);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(15);
      assertThat(p.message()).contains("duplicate HJ 212 MN 'SAME' (also used on line 8)");
    });
  }

  @Test
  void reportsEveryProblemAtOnce() {
    StationFileException e = problemsOf(AIR.replace("AIR", "SOIL").replace("39.929", "-100"));
    assertThat(e.problems()).extracting(StationFileException.Problem::line).containsExactly(4, 6);
    assertThat(e.getMessage()).startsWith("station file test-stations.yaml has 2 problems");
  }

  @Test
  void yamlSyntaxErrorHasALine() {
    StationFileException e = problemsOf(AIR + "    name: [unclosed\n");
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isGreaterThanOrEqualTo(8);
      assertThat(p.message()).startsWith("not valid YAML");
    });
  }

  @Test
  void fileStructureErrors() {
    assertThat(problemsOf("").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("the file is empty"));
    assertThat(problemsOf("stations: Dongsi\n").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'stations' must be a list"));
    assertThat(problemsOf("station:\n  - id: x\n").problems()).extracting(StationFileException.Problem::message)
        .anySatisfy(m -> assertThat(m).contains("unknown key 'station'"));
  }

  @Test
  void missingFileSaysWhatToDo() {
    assertThatThrownBy(() -> StationRegistry.load(Path.of("no/such/stations.yaml")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("station file no/such/stations.yaml does not exist");
  }
}
