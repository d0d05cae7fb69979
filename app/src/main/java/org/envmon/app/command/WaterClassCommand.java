package org.envmon.app.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.Parameter;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.CatalogException;
import org.envmon.standards.water.SectionClassification;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envmon water-class}: GB 3838-2002 class of each indicator and of the section. */
@Command(name = "water-class", mixinStandardHelpOptions = true,
    description = {"Classify surface-water indicators (mg/L, pH dimensionless) by GB 3838-2002 Table 1.",
        "The section class is the worst indicator class (single-factor method); TN (lakes) is reported",
        "separately and water temperature is not classified.",
        "Example: envmon water-class --body LAKE DO=5.5 TP=0.04 NH3N=0.8 CODMN=3"})
public final class WaterClassCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--body", required = true, paramLabel = "RIVER|LAKE",
      description = "Water body type: RIVER, or LAKE for lakes and reservoirs (own TP and TN columns).")
  String body;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Sampling date (default: today in Beijing).")
  LocalDate date;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Operator catalog added to the built-in one.")
  Path catalogFile;

  @Parameters(arity = "1..*", paramLabel = "INDICATOR=VALUE",
      description = "PH, DO, CODMN, COD, BOD5, NH3N, TP, TN, WATER_TEMP")
  List<String> values;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try {
      String bodyType = WaterClassifier.bodyType(body);
      LocalDate day = date != null ? date : BeijingZone.today();
      Map<Parameter, Double> inputs = parse(values);
      Catalog catalog = catalogFile == null ? Catalog.builtIn() : Catalog.load(catalogFile, false);
      SectionClassification s = new WaterClassifier(catalog).classifySection(day, inputs, bodyType);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(toJson(bodyType, inputs, s));
      } else {
        print(out, bodyType, inputs, s);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | CatalogException e) {
      err.println("envmon water-class: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static Map<Parameter, Double> parse(List<String> args) {
    Map<Parameter, Double> inputs = new EnumMap<>(Parameter.class);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad argument '" + arg + "': expected INDICATOR=VALUE, e.g. DO=5.5");
      }
      Parameter p = Parameter.fromCode(arg.substring(0, eq)).filter(x -> x.medium().equals("WATER"))
          .orElseThrow(() -> new IllegalArgumentException("bad argument '" + arg + "': unknown water indicator '"
              + arg.substring(0, eq) + "'; use PH, DO, CODMN, COD, BOD5, NH3N, TP, TN, WATER_TEMP"));
      double v;
      try {
        v = Double.parseDouble(arg.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad argument '" + arg + "': the value must be a number", e);
      }
      if (Double.isNaN(v) || Double.isInfinite(v) || v < p.physicalMin()) {
        throw new IllegalArgumentException("bad argument '" + arg + "': the value must be >= " + p.physicalMin());
      }
      if (inputs.put(p, v) != null) {
        throw new IllegalArgumentException("bad argument '" + arg + "': " + p.code() + " given twice");
      }
    }
    return inputs;
  }

  private static void print(PrintWriter out, String body, Map<Parameter, Double> inputs, SectionClassification s) {
    out.println("GB 3838-2002 classes (" + body + ")");
    s.indicators().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        out.printf("  %-6s %8s  class %s%s%n", e.getKey().code(), inputs.get(e.getKey()), e.getValue().display(),
            s.determining().contains(e.getKey()) ? "  (determines the section)" : ""));
    s.reportedSeparately().forEach((p, c) ->
        out.printf("  %-6s %8s  class %s  (reported separately, not in the section class)%n", p.code(), inputs.get(p),
            c.display()));
    WaterClass c = s.sectionClass();
    out.printf("Section class %s (%s)%s%n", c.display(), c.label(), c.goodWater() ? ", good water (III or better)" : "");
  }

  private static String toJson(String body, Map<Parameter, Double> inputs, SectionClassification s) throws Exception {
    Map<String, Object> indicators = new LinkedHashMap<>();
    s.indicators().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("value", inputs.get(e.getKey()));
      one.put("class", e.getValue().display());
      indicators.put(e.getKey().code(), one);
    });
    Map<String, Object> separate = new LinkedHashMap<>();
    s.reportedSeparately().forEach((p, c) -> separate.put(p.code(), Map.of("value", inputs.get(p), "class", c.display())));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("standard", "GB 3838-2002");
    m.put("body", body);
    m.put("indicators", indicators);
    m.put("reportedSeparately", separate);
    m.put("sectionClass", s.sectionClass().display());
    m.put("label", s.sectionClass().label());
    m.put("determining", s.determining().stream().map(Parameter::code).toList());
    return new ObjectMapper().writeValueAsString(m);
  }
}
