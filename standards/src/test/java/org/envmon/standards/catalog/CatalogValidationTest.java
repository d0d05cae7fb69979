package org.envmon.standards.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.envmon.standards.Statistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogValidationTest {
  @TempDir
  Path dir;

  private static final String RULE = """
        - id: %s
          source: "operator test"
          jurisdiction: Beijing
          medium: AIR
          parameter: %s
          statistic: DAILY_MEAN
          limit: 50
          comparison: ABOVE
          applicability: {airGrade: II}
          validFrom: %s
          validTo: %s
      """;

  private Path file(String yaml) throws IOException {
    Path f = dir.resolve("catalog.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private static String rules(String... rules) {
    return "rules:\n" + String.join("", rules);
  }

  @Test
  void overlappingApplicabilityIsAnErrorNamingBothRules() throws IOException {
    Path f = file(rules(RULE.formatted("BJ.A", "PM2_5", "2026-01-01", "2026-12-31"),
        RULE.formatted("BJ.B", "PM2_5", "2026-06-01", "null")));
    assertThatThrownBy(() -> Catalog.load(f, true))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("rule BJ.A [2026-01-01..2026-12-31] overlaps rule BJ.B [2026-06-01..open]");
  }

  @Test
  void sameIdWithOverlappingIntervalsIsAnError() throws IOException {
    Path f = file(rules(RULE.formatted("BJ.A", "PM2_5", "2026-01-01", "2026-12-31"),
        RULE.formatted("BJ.A", "PM10", "2026-06-01", "2026-07-01")));
    assertThatThrownBy(() -> Catalog.load(f, true)).hasMessageContaining("overlaps rule BJ.A")
        .hasMessageContaining("the same id");
  }

  @Test
  void adjacentIntervalsAreFine() throws IOException {
    Path f = file(rules(RULE.formatted("BJ.A", "PM2_5", "2026-01-01", "2026-05-31"),
        RULE.formatted("BJ.B", "PM2_5", "2026-06-01", "null")));
    Catalog c = Catalog.load(f, true);
    assertThat(c.applicable(RuleQuery.of("AIR", "PM2_5", Statistic.DAILY_MEAN, LocalDate.of(2026, 6, 1))))
        .extracting(Rule::id).containsExactly("BJ.B");
  }

  @Test
  void unknownParameterIsAnErrorNamingTheRule() throws IOException {
    Path f = file(rules(RULE.formatted("BJ.BAD", "PM1", "2026-01-01", "null")));
    assertThatThrownBy(() -> Catalog.load(f, true)).hasMessageContaining("rule BJ.BAD: unknown parameter 'PM1'");
  }

  @Test
  void nonMonotonicBreakpointsAreAnErrorNamingTheRule() throws IOException {
    Path f = file("""
        aqi:
          - id: OP-AQI
            standard: "operator"
            source: "test"
            validFrom: 2026-01-01
            iaqi: [0, 50, 100]
            breakpoints:
              PM2_5_24H: [0, 35, 30]
            so2HourAbove800: FIXED_200
            o3EightHourAbove800: FIXED_300
            dailyInputs: [PM2_5_24H]
            hourlyInputs: [PM2_5_24H]
        """);
    assertThatThrownBy(() -> Catalog.load(f, true))
        .hasMessageContaining("rule OP-AQI input PM2_5_24H: breakpoints not strictly increasing at position 2 (35 then 30)");
  }

  @Test
  void addingToTheBuiltInCatalogChecksOverlapWithIt() throws IOException {
    Path f = file("""
        rules:
          - id: GB3095-2012.PM2_5.DAILY_MEAN.II
            source: "copy"
            jurisdiction: national
            medium: AIR
            parameter: PM2_5
            statistic: DAILY_MEAN
            limit: 70
            comparison: ABOVE
            applicability: {airGrade: II}
            validFrom: 2015-01-01
        """);
    assertThatThrownBy(() -> Catalog.load(f, false))
        .hasMessageContaining("GB3095-2012.PM2_5.DAILY_MEAN.II")
        .hasMessageContaining("overlaps");
  }

  @Test
  void anOperatorFileReplacesUnconfirmedEntriesAndAddsItsOwn() throws IOException {
    Path f = file("""
        settings:
          percentileMethod: NEAREST_RANK
        warnings:
          - {id: BJ-WARN-2023.RED, level: red, source: "operator-confirmed text", validFrom: 2023-01-01, minDaysAbove200: 3, minDaysAbove300: 2}
        rules:
          - id: BJ.TONGZHOU.PM2_5.DAILY
            source: "district order"
            jurisdiction: 通州
            medium: AIR
            parameter: PM2_5
            statistic: DAILY_MEAN
            limit: 55
            comparison: ABOVE
            applicability: {airGrade: II, districts: [通州]}
            validFrom: 2026-03-01
        """);
    Catalog c = Catalog.load(f, false);
    WarningRule red = c.warnings(LocalDate.of(2026, 1, 1)).stream()
        .filter(w -> w.id().equals("BJ-WARN-2023.RED")).findFirst().orElseThrow();
    assertThat(red.minDaysAbove300()).isEqualTo(2);
    assertThat(red.unconfirmed()).isFalse();
    assertThat(c.settings()).containsEntry("percentileMethod", "NEAREST_RANK");
    RuleQuery q = RuleQuery.of("AIR", "PM2_5", Statistic.DAILY_MEAN, LocalDate.of(2026, 5, 1)).withAirGrade("II");
    assertThat(c.applicable(q.withStation("Tongzhou-1", "通州"))).extracting(Rule::limit).containsExactlyInAnyOrder(60.0, 55.0);
    assertThat(c.applicable(q.withStation("Dongsi", "东城"))).extracting(Rule::limit).containsExactly(60.0);
    assertThat(c.all().size()).isEqualTo(Catalog.builtIn().all().size() + 1);
  }

  @Test
  void replaceModeUsesOnlyTheFile() throws IOException {
    Path f = file(rules(RULE.formatted("BJ.A", "PM2_5", "2026-01-01", "null")));
    Catalog c = Catalog.load(f, true);
    assertThat(c.all()).extracting(Rule::id).containsExactly("BJ.A");
  }

  @Test
  void unreadableOrMalformedFilesAreExplained() throws IOException {
    assertThatThrownBy(() -> Catalog.load(dir.resolve("nope.yaml"), false))
        .hasMessageContaining("cannot read catalog file").hasMessageContaining("nope.yaml");
    Path f = file("rules: [ {id: X, source: s, jurisdiction: national, medium: AIR, parameter: PM2_5, "
        + "statistic: DAILY, limit: 1, comparison: ABOVE, validFrom: 2020-01-01} ]");
    assertThatThrownBy(() -> Catalog.load(f, true)).hasMessageContaining("rule X: unknown statistic 'DAILY'");
    Path g = file("rules: [ {id: Y, source: s, jurisdiction: national, medium: AIR, parameter: PM2_5, "
        + "statistic: DAILY_MEAN, limit: lots, comparison: ABOVE, validFrom: 2020-01-01} ]");
    assertThatThrownBy(() -> Catalog.load(g, true)).hasMessageContaining("rule Y: limit 'lots' is not a number");
  }
}
