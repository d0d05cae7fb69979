package org.envmon.app.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.aqi.AqiCalculator;
import org.envmon.standards.aqi.AqiResult;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.CatalogException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envmon aqi}: IAQIs, AQI, category and primary pollutant of a set of concentrations. */
@Command(name = "aqi", mixinStandardHelpOptions = true,
    description = {"Compute the HJ 633 AQI of concentrations (ug/m3, CO mg/m3).",
        "The edition follows --date: HJ 633-2012 before 2026-03-01, HJ 633-2026 from then on.",
        "Day inputs: PM2_5 PM10 SO2 NO2 CO (24-h means), O3 (daily max 1-h, 2012 only), O3_8H (MDA8).",
        "Hour inputs: PM2_5 PM10 SO2 NO2 CO O3 (1-h means); SO2_24H for the 2012 SO2 > 800 rule.",
        "Example: envmon aqi --date 2026-05-01 --period day PM2_5=75 PM10=150 SO2=10 NO2=40 CO=0.8 O3_8H=120"})
public final class AqiCommand implements Callable<Integer> {
  /** Whether the inputs are daily or real-time hourly values. */
  enum Period { day, hour }

  @Spec
  CommandSpec spec;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Beijing date the values belong to (default: today in Beijing).")
  LocalDate date;

  @Option(names = "--period", defaultValue = "day", description = "day or hour (default: ${DEFAULT-VALUE}).")
  Period period;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Operator catalog added to the built-in one.")
  Path catalogFile;

  @Parameters(arity = "1..*", paramLabel = "POLLUTANT=VALUE", description = "e.g. PM2_5=75 O3_8H=120")
  List<String> values;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LocalDate day = date != null ? date : BeijingZone.today();
      List<String> allowed = period == Period.day ? AqiCalculator.DAILY_KEYS
          : List.of("PM2_5", "PM10", "SO2", "NO2", "CO", "O3", "SO2_24H");
      Map<String, Double> inputs = parse(values, allowed);
      Catalog catalog = catalogFile == null ? Catalog.builtIn() : Catalog.load(catalogFile, false);
      AqiCalculator calc = new AqiCalculator(catalog);
      AqiResult r = period == Period.day ? calc.daily(day, inputs) : calc.hourly(day, inputs);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(toJson(day, inputs, r));
      } else {
        print(out, day, inputs, r);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | CatalogException e) {
      err.println("envmon aqi: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static Map<String, Double> parse(List<String> args, List<String> allowed) {
    Map<String, Double> inputs = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad argument '" + arg + "': expected POLLUTANT=VALUE, e.g. PM2_5=75");
      }
      String key = normalise(arg.substring(0, eq));
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("bad argument '" + arg + "': unknown pollutant '" + arg.substring(0, eq)
            + "' for this period; use " + allowed);
      }
      double v;
      try {
        v = Double.parseDouble(arg.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad argument '" + arg + "': the value must be a number", e);
      }
      if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
        throw new IllegalArgumentException("bad argument '" + arg + "': the concentration must be >= 0");
      }
      if (inputs.put(key, v) != null) {
        throw new IllegalArgumentException("bad argument '" + arg + "': " + key + " given twice");
      }
    }
    return inputs;
  }

  /** Accepts pm2.5, PM25, o3_8h and the like. */
  private static String normalise(String key) {
    String k = key.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return k.equals("PM25") ? "PM2_5" : k;
  }

  private void print(PrintWriter out, LocalDate day, Map<String, Double> inputs, AqiResult r) {
    out.printf("%s AQI for %s under %s%n", period == Period.day ? "Daily" : "Hourly", day, r.standard());
    r.iaqi().forEach((k, v) -> out.printf("  %-6s %10s  IAQI %d%n", k, format(inputs.get(k)), v));
    if (!r.missing().isEmpty()) {
      out.println("  missing: " + String.join(", ", r.missing()));
    }
    if (r.published()) {
      out.printf("AQI %d  level %d  %s  %s%n", r.aqi(), r.level(), r.category(), r.colour());
      out.println("Primary pollutant: " + (r.primaryPollutants().isEmpty() ? "none (AQI <= 50)"
          : String.join(", ", r.primaryPollutants())));
    } else if (r.iaqi().isEmpty()) {
      out.println("AQI not published: no pollutant of this period was given");
    } else {
      out.println("AQI not published: a pollutant is missing and " + r.standard()
          + " publishes an incomplete AQI only above 100");
    }
  }

  private static String format(Double v) {
    return v == null ? "" : (v == Math.rint(v) ? String.valueOf(v.longValue()) : v.toString());
  }

  private String toJson(LocalDate day, Map<String, Double> inputs, AqiResult r) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", day.toString());
    m.put("period", period.name());
    m.put("standard", r.standard());
    m.put("inputs", inputs);
    m.put("iaqi", r.iaqi());
    m.put("aqi", r.aqi());
    m.put("level", r.level());
    m.put("category", r.category());
    m.put("colour", r.colour());
    m.put("primaryPollutants", r.primaryPollutants());
    m.put("missing", r.missing());
    return new ObjectMapper().writeValueAsString(m);
  }
}
