package org.envmon.standards.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTest {
  private final Catalog catalog = Catalog.builtIn();

  @Test
  void ruleByIdCarriesItsSource() {
    Rule r = catalog.byId("GB3095-2012.PM2_5.DAILY_MEAN.II").orElseThrow();
    assertThat(r.limit()).isEqualTo(75.0);
    assertThat(r.source()).isEqualTo("GB 3095-2012 §4.2 Table 1 (basic items)");
    assertThat(r.jurisdiction()).isEqualTo("national");
    assertThat(r.validTo()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(r.comparison()).isEqualTo(Comparison.ABOVE);
    assertThat(r.applicability().airGrade()).isEqualTo("II");
  }

  @ParameterizedTest(name = "{0} {1} {2} grade {3} on {4} -> {5}")
  @CsvSource({
      "PM2_5, DAILY_MEAN, II, 2026-02-28, 75", "PM2_5, DAILY_MEAN, II, 2026-03-01, 60",
      "PM2_5, DAILY_MEAN, II, 2030-12-31, 60", "PM2_5, DAILY_MEAN, II, 2031-01-01, 50",
      "PM2_5, DAILY_MEAN, I, 2031-01-01, 25", "PM2_5, ANNUAL_MEAN, II, 2015-01-01, 35",
      "PM2_5, ANNUAL_MEAN, II, 2027-01-01, 30", "PM2_5, ANNUAL_MEAN, II, 2031-06-01, 25",
      "PM10, DAILY_MEAN, II, 2026-03-01, 120", "PM10, DAILY_MEAN, II, 2031-01-01, 100",
      "PM10, ANNUAL_MEAN, II, 2031-01-01, 50", "SO2, HOUR_MEAN, II, 2031-01-01, 150",
      "SO2, DAILY_MEAN, II, 2031-01-01, 50", "NO2, ANNUAL_MEAN, I, 2031-01-01, 30",
      "NO2, DAILY_MEAN, II, 2031-01-01, 50", "O3, O3_MDA8, II, 2031-01-01, 160", "O3, O3_MDA8, I, 2016-01-01, 100",
      "O3, HOUR_MEAN, II, 2016-01-01, 200", "CO, HOUR_MEAN, II, 2016-01-01, 10",
      "TSP, DAILY_MEAN, II, 2016-01-01, 300", "TSP, ANNUAL_MEAN, I, 2031-01-01, 80",
      "NOX, DAILY_MEAN, II, 2027-01-01, 100", "NOX, DAILY_MEAN, II, 2031-01-01, 70",
      "NOX, ANNUAL_MEAN, II, 2031-01-01, 40", "NOX, HOUR_MEAN, I, 2031-01-01, 250",
  })
  void airLimitInForce(String p, Statistic s, String grade, LocalDate date, double limit) {
    List<Rule> rules = catalog.applicable(RuleQuery.of("AIR", p, s, date).withAirGrade(grade));
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).limit()).isEqualTo(limit);
  }

  @Test
  void idsAreUniqueAndEveryRuleHasASource() {
    Set<String> ids = new HashSet<>();
    for (Rule r : catalog.all()) {
      assertThat(ids.add(r.id())).as("duplicate id " + r.id()).isTrue();
      assertThat(r.source()).isNotBlank();
      assertThat(Parameter.fromCode(r.parameter())).isPresent();
    }
    assertThat(ids).hasSizeGreaterThan(150);
  }

  @Test
  void vocComparatorsAreScreening() {
    List<Rule> voc = catalog.applicable(RuleQuery.of("VOC", null, null, LocalDate.of(2026, 5, 1)));
    assertThat(voc).hasSize(8).allMatch(Rule::screening);
    List<Rule> boundary = catalog.applicable(RuleQuery.of("VOC", "BENZENE", Statistic.HOUR_MEAN,
        LocalDate.of(2026, 5, 1)).withVocComparator("GB16297-1996-T2"));
    assertThat(boundary).extracting(Rule::limit).containsExactly(0.40);
    assertThat(catalog.applicable(RuleQuery.of("VOC", "NMHC", Statistic.HOUR_MEAN, LocalDate.of(2026, 5, 1))
        .withVocComparator("GB37822-2019-AppA-special"))).extracting(Rule::limit).containsExactly(6.0);
  }

  @Test
  void stationAndDistrictRestrictionsOnlyMatchTheirStations() {
    Rule restricted = new Rule("X", "s", "Beijing", "AIR", "PM2_5", Statistic.DAILY_MEAN, 50, Comparison.ABOVE,
        new Applicability(null, null, null, null, null, List.of("Dongsi"), List.of()), LocalDate.of(2020, 1, 1),
        null, false, null, false);
    RuleQuery q = RuleQuery.of("AIR", "PM2_5", Statistic.DAILY_MEAN, LocalDate.of(2026, 5, 1));
    assertThat(q.withStation("Dongsi", "东城").matches(restricted)).isTrue();
    assertThat(q.withStation("Tiantan", "东城").matches(restricted)).isFalse();
    assertThat(q.matches(restricted)).isFalse();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
      "city, pm25_annual, 2026, 29", "东城, pm25_annual, 2026, 29", "门头沟, pm25_annual, 2026, 27",
      "房山, pm25_annual, 2026, 30", "怀柔, pm25_annual, 2026, 26", "经开区, pm25_annual, 2026, 30",
      "海淀, good_day_ratio, 2026, 78", "延庆, good_day_ratio, 2026, 80", "密云, heavy_days, 2026, 3",
      "city, pm25_annual, 2025, 35", "jingjinji, pm25_annual, 2027, 33", "city, pm25_annual, 2035, 25",
      "city, water_class3_share, 2027, 70", "朝阳, dust_fall, 2025, 5",
  })
  void planTargets(String scope, String target, int year, double value) {
    assertThat(catalog.planTarget(scope, target, year).orElseThrow().value()).isEqualTo(value);
  }

  @Test
  void planTargetDirection() {
    PlanTarget pm = catalog.planTarget("东城", "pm25_annual", 2026).orElseThrow();
    assertThat(pm.met(29)).isTrue();
    assertThat(pm.met(29.1)).isFalse();
    PlanTarget good = catalog.planTarget("怀柔", "good_day_ratio", 2026).orElseThrow();
    assertThat(good.met(80)).isTrue();
    assertThat(good.met(79.9)).isFalse();
    assertThat(catalog.planTarget("东城", "pm25_annual", 2030)).isEmpty();
  }

  @Test
  void warningRulesAreUnconfirmedAndEvaluate() {
    List<WarningRule> now = catalog.warnings(LocalDate.of(2026, 1, 10));
    assertThat(now).extracting(WarningRule::id).containsExactly("BJ-WARN-2023.YELLOW.A", "BJ-WARN-2023.YELLOW.B",
        "BJ-WARN-2023.ORANGE.A", "BJ-WARN-2023.ORANGE.B", "BJ-WARN-2023.RED");
    assertThat(now).allMatch(WarningRule::unconfirmed);
    WarningRule red = catalog.warnings(LocalDate.of(2026, 1, 10)).get(4);
    assertThat(red.metBy(new int[] {250, 260, 310})).isTrue();
    assertThat(red.metBy(new int[] {250, 260, 290})).isFalse();
    assertThat(catalog.warnings(LocalDate.of(2017, 1, 1))).extracting(WarningRule::id)
        .contains("BJ-WARN-2016.BLUE", "BJ-WARN-2016.RED.B");
  }

  @Test
  void validityRulesAndSettings() {
    assertThat(catalog.validity(Statistic.DAILY_MEAN).required()).isEqualTo(20);
    assertThat(catalog.validity(Statistic.ANNUAL_MEAN).february()).isEqualTo(25);
    assertThat(catalog.settings()).containsEntry("percentileMethodUnconfirmed", "true");
    assertThat(catalog.aqiScheme(LocalDate.of(2026, 3, 1)).missingPublishAbove()).isEqualTo(100);
  }

  @Test
  void theParameterIndexFindsExactlyWhatAScanOfEveryRuleFinds() {
    Catalog catalog = Catalog.builtIn();
    java.util.Set<String> parameters = new java.util.TreeSet<>();
    catalog.all().forEach(r -> {
      if (r.parameter() != null) {
        parameters.add(r.parameter());
        parameters.add(r.parameter().toLowerCase(java.util.Locale.ROOT));
      }
    });
    parameters.add("NOT_A_PARAMETER");
    int compared = 0;
    for (String medium : List.of("AIR", "WATER", "NOISE", "VOC")) {
      for (String parameter : parameters) {
        for (Statistic statistic : Statistic.values()) {
          for (LocalDate date : List.of(LocalDate.of(2015, 6, 1), LocalDate.of(2026, 6, 1), LocalDate.of(2031, 6, 1))) {
            for (RuleQuery q : List.of(RuleQuery.of(medium, parameter, statistic, date).withAirGrade("II"),
                RuleQuery.of(medium, parameter, statistic, date).withNoiseZone("1").withWaterTargetClass("III")
                    .withWaterBodyType("LAKE"), RuleQuery.of(medium, parameter, null, date))) {
              List<Rule> scanned = catalog.all().stream().filter(q::matches)
                  .sorted(java.util.Comparator.comparing(Rule::id)).toList();
              assertThat(catalog.applicable(q)).as("%s", q).containsExactlyElementsOf(scanned);
              compared += scanned.size();
            }
          }
        }
      }
    }
    assertThat(compared).as("rules found over all queries").isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "SO2, HOUR_MEAN, true", "o3, HOUR_MEAN, true", "PM2_5, DAILY_MEAN, true", "O3, O3_MDA8, true",
      "PM2_5, HOUR_MEAN, false", "PM10, HOUR_MEAN, false", "PM2_5, ROLLING_24H, false", "O3, ROLLING_8H, false",
      "PM1, DAILY_MEAN, false"})
  void judgesOnlyWhatSomeRuleJudges(String parameter, Statistic statistic, boolean judged) {
    assertThat(catalog.judges(parameter, statistic)).isEqualTo(judged);
  }

  @Test
  void nullIsAWildcardForJudges() {
    assertThat(catalog.judges(null, Statistic.ROLLING_24H)).isTrue();
    assertThat(catalog.judges("SO2", null)).isTrue();
    assertThat(catalog.judges("PM1", null)).isFalse();
  }

  @Test
  void whatJudgesDeniesApplicableNeverFinds() {
    Set<String> parameters = new HashSet<>();
    Set<LocalDate> dates = new HashSet<>();
    for (Rule r : catalog.all()) {
      parameters.add(r.parameter());
      if (r.validFrom() != null) {
        dates.add(r.validFrom());
      }
      assertThat(catalog.judges(r.parameter(), r.statistic())).as(r.id()).isTrue();
    }
    int denied = 0;
    for (String parameter : parameters) {
      for (Statistic statistic : Statistic.values()) {
        if (!catalog.judges(parameter, statistic)) {
          denied++;
          for (LocalDate date : dates) {
            assertThat(catalog.applicable(new RuleQuery(null, parameter, statistic, date, null, null, null, null,
                null, null, null))).as(parameter + " " + statistic + " on " + date).isEmpty();
          }
        }
      }
    }
    assertThat(denied).as("pairs without a rule").isPositive();
  }
}
