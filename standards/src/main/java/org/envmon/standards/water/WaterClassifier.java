package org.envmon.standards.water;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.Rule;
import org.envmon.standards.catalog.RuleQuery;

/**
 * GB 3838-2002 Table 1 classification. A value exactly at a limit belongs to that class; a value
 * failing Class V is 劣V. Lakes and reservoirs use their own TP column; TN (lakes only) is
 * classified but reported separately; water temperature has no class.
 */
public final class WaterClassifier {
  private static final WaterClass[] CLASSES = {WaterClass.I, WaterClass.II, WaterClass.III, WaterClass.IV,
      WaterClass.V};

  private final Catalog catalog;

  public WaterClassifier(Catalog catalog) {
    this.catalog = catalog;
  }

  public static WaterClassifier builtIn() {
    return new WaterClassifier(Catalog.builtIn());
  }

  /** Class of one indicator under the rules in force today (Beijing date). */
  public WaterClass classify(Parameter p, double value, String waterBodyType) {
    return classify(BeijingZone.today(), p, value, waterBodyType);
  }

  /**
   * Class of one indicator under the rules in force on {@code date}.
   *
   * @param waterBodyType RIVER, or LAKE (also accepted: RESERVOIR)
   * @throws IllegalArgumentException if the parameter has no class limits for that body type
   */
  public WaterClass classify(LocalDate date, Parameter p, double value, String waterBodyType) {
    String body = bodyType(waterBodyType);
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(p.code() + " value is NaN; give a measured value");
    }
    for (WaterClass c : CLASSES) {
      List<Rule> rules = limits(date, p, c, body);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException(p.code() + " has no GB 3838 class limits for " + body
            + " in the catalog; classifiable: pH, DO, CODMN, COD, BOD5, NH3N, TP (and TN for LAKE)");
      }
      if (rules.stream().noneMatch(r -> r.exceeds(value))) {
        return c;
      }
    }
    return WaterClass.WORSE_THAN_V;
  }

  /**
   * Section class: the worst class of the evaluated indicators. TN goes to
   * {@code reportedSeparately} (lakes) or is ignored (rivers); water temperature is ignored.
   */
  public SectionClassification classifySection(LocalDate date, Map<Parameter, Double> values,
      String waterBodyType) {
    String body = bodyType(waterBodyType);
    Map<Parameter, WaterClass> classes = new EnumMap<>(Parameter.class);
    Map<Parameter, WaterClass> separate = new EnumMap<>(Parameter.class);
    for (Map.Entry<Parameter, Double> e : values.entrySet()) {
      Parameter p = e.getKey();
      if (e.getValue() == null || e.getValue().isNaN() || p == Parameter.WATER_TEMP) {
        continue;
      }
      if (p == Parameter.TN) {
        if (body.equals("LAKE")) {
          separate.put(p, classify(date, p, e.getValue(), body));
        }
        continue;
      }
      classes.put(p, classify(date, p, e.getValue(), body));
    }
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("no classifiable indicator among " + values.keySet()
          + "; a section needs at least one of pH, DO, CODMN, COD, BOD5, NH3N, TP");
    }
    WaterClass worst = classes.values().stream().max(Enum::compareTo).orElseThrow();
    List<Parameter> determining = new ArrayList<>();
    classes.forEach((p, c) -> {
      if (c == worst) {
        determining.add(p);
      }
    });
    return new SectionClassification(worst, classes, determining, separate);
  }

  private List<Rule> limits(LocalDate date, Parameter p, WaterClass c, String body) {
    return catalog.applicable(RuleQuery.of("WATER", p.code(), Statistic.WATER_CLASS, date)
        .withWaterTargetClass(c.display()).withWaterBodyType(body));
  }

  /** RIVER or LAKE; RESERVOIR counts as LAKE (GB 3838 "lakes and reservoirs"). */
  public static String bodyType(String waterBodyType) {
    String b = waterBodyType == null ? "" : waterBodyType.strip().toUpperCase(Locale.ROOT);
    return switch (b) {
      case "RIVER" -> "RIVER";
      case "LAKE", "RESERVOIR" -> "LAKE";
      default -> throw new IllegalArgumentException("unknown water body type '" + waterBodyType
          + "'; use RIVER or LAKE (lakes and reservoirs)");
    };
  }
}
