package org.envmon.streams.internals.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.envmon.standards.catalog.WarningRule;
import org.envmon.streams.internals.alerts.Severity;

/**
 * Maps a run of consecutive polluted days onto the Beijing heavy-pollution warning levels of the
 * catalog (blue &lt; yellow &lt; orange &lt; red; the rules are UNCONFIRMED and configurable there).
 * The plan's rules are forecast-driven; envmon applies them to the observed run as a hindsight
 * indicator.
 */
public final class WarningLevels {
  private static final List<String> ORDER = List.of("blue", "yellow", "orange", "red");

  private WarningLevels() {}

  /** Rank of a level: blue 1 ... red 4; unknown levels rank 0 and are ignored. */
  public static int rank(String level) {
    return ORDER.indexOf(level.toLowerCase(Locale.ROOT)) + 1;
  }

  /** The highest-ranked rule met by the run, if any. */
  public static Optional<WarningRule> highest(List<WarningRule> rules, List<Integer> run) {
    int[] aqis = run.stream().mapToInt(Integer::intValue).toArray();
    return rules.stream().filter(r -> rank(r.level()) > 0 && aqis.length > 0 && r.metBy(aqis))
        .max(Comparator.comparingInt(r -> rank(r.level())));
  }

  /** Alert severity of a level rank. */
  public static Severity severity(int rank) {
    return switch (rank) {
      case 0, 1 -> Severity.INFO;
      case 2 -> Severity.WARNING;
      case 3 -> Severity.MAJOR;
      default -> Severity.CRITICAL;
    };
  }
}
