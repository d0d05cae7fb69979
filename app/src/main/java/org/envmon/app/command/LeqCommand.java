package org.envmon.app.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.CatalogException;
import org.envmon.standards.catalog.Rule;
import org.envmon.standards.noise.Leq;
import org.envmon.standards.noise.NoiseLimits;
import org.envmon.standards.noise.NoisePeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code envmon leq}: energy-mean Leq of equal-duration levels, optionally against a zone limit. */
@Command(name = "leq", mixinStandardHelpOptions = true,
    description = {"Energy-mean Leq = 10 log10(mean(10^(L/10))) of equal-duration dB(A) levels.",
        "With --zone, compare with the GB 3096-2008 limit of the period (day 06-22, night 22-06);",
        "at night the largest level is also compared with the sudden-noise limit (night limit + 15).",
        "Example: envmon leq --zone 2 --period night 45 52 48"})
public final class LeqCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--zone", paramLabel = "0|1|2|3|4a|4b", description = "GB 3096-2008 zone class.")
  String zone;

  @Option(names = "--period", defaultValue = "day", paramLabel = "day|night",
      description = "Period the levels cover (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of the period (default: today in Beijing).")
  LocalDate date;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Operator catalog added to the built-in one.")
  Path catalogFile;

  @Parameters(arity = "1..*", paramLabel = "LEVEL", description = "Levels in dB(A), each covering the same duration.")
  List<String> levels;

  /** One level judged against one rule. */
  private record Judgement(String jsonKey, String what, Rule rule, double value) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", rule.id());
      m.put("source", rule.source());
      m.put("limit", rule.limit());
      m.put("exceeded", rule.exceeds(value));
      m.put("margin", round1(rule.margin(value)));
      return m;
    }

    String toText(String zone) {
      double margin = rule.margin(value);
      return String.format(Locale.ROOT, "%s limit zone %s: %.0f dB(A) (%s) -> %s", what, zone, rule.limit(),
          rule.id(), rule.exceeds(value) ? String.format(Locale.ROOT, "EXCEEDED by %.1f dB(A)", margin)
              : String.format(Locale.ROOT, "within, %.1f dB(A) below", -margin));
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try {
      NoisePeriod p = period(period);
      double[] l = parse(levels);
      double leq = Leq.energyMean(l);
      double lmax = Arrays.stream(l).max().orElseThrow();
      List<Judgement> judgements = new ArrayList<>();
      String z = zone == null ? null : NoiseLimits.zone(zone);
      if (z != null) {
        LocalDate day = date != null ? date : BeijingZone.today();
        Catalog catalog = catalogFile == null ? Catalog.builtIn() : Catalog.load(catalogFile, false);
        NoiseLimits limits = new NoiseLimits(catalog);
        Rule leqRule = limits.leqLimit(day, z, p).orElseThrow(() -> new IllegalArgumentException(
            "the catalog has no Leq limit for zone " + z + " (" + p + ") on " + day));
        judgements.add(new Judgement("limit", "Leq", leqRule, leq));
        if (p == NoisePeriod.NIGHT) {
          limits.lmaxNightLimit(day, z).ifPresent(r -> judgements.add(new Judgement("lmaxLimit", "Lmax (night sudden noise)", r, lmax)));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      String periodName = p.name().toLowerCase(Locale.ROOT);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leq", round1(leq));
        m.put("lmax", lmax);
        m.put("samples", l.length);
        m.put("period", periodName);
        m.put("zone", z);
        for (Judgement j : judgements) {
          m.put(j.jsonKey(), j.toMap());
        }
        out.println(new ObjectMapper().writeValueAsString(m));
      } else {
        out.printf(Locale.ROOT, "Leq %.1f dB(A) over %d levels (%s), Lmax %.1f dB(A)%n", leq, l.length, periodName,
            lmax);
        judgements.forEach(j -> out.println(j.toText(z)));
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | CatalogException e) {
      err.println("envmon leq: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static NoisePeriod period(String p) {
    return switch (p.strip().toLowerCase(Locale.ROOT)) {
      case "day" -> NoisePeriod.DAY;
      case "night" -> NoisePeriod.NIGHT;
      default -> throw new IllegalArgumentException("bad argument '--period " + p + "': use day or night");
    };
  }

  private static double[] parse(List<String> args) {
    double[] out = new double[args.size()];
    for (int i = 0; i < out.length; i++) {
      String a = args.get(i);
      try {
        out[i] = Double.parseDouble(a.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad argument '" + a + "': a level must be a number in dB(A)", e);
      }
      if (Double.isNaN(out[i]) || out[i] < 0 || out[i] > 200) {
        throw new IllegalArgumentException("bad argument '" + a + "': a level must be 0..200 dB(A)");
      }
    }
    return out;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
