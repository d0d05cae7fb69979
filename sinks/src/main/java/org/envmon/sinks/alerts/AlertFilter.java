package org.envmon.sinks.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.envmon.schemas.Alert;
import org.envmon.schemas.Medium;

/**
 * Which alerts a subscriber wants. Each criterion is a set of accepted values; an empty set
 * accepts everything. All criteria must match.
 *
 * @param districts    accepted districts, exactly as in the alert (e.g. 东城)
 * @param media        accepted media
 * @param severities   accepted severities (info, warning, major, critical), lower case
 * @param rulePrefixes accepted rule id prefixes (e.g. {@code GB3095-2012.PM2_5})
 */
public record AlertFilter(Set<String> districts, Set<Medium> media, Set<String> severities,
                          List<String> rulePrefixes) {
  /** Accepts every alert. */
  public static final AlertFilter ANY = new AlertFilter(Set.of(), Set.of(), Set.of(), List.of());

  public AlertFilter {
    districts = Set.copyOf(districts);
    media = Set.copyOf(media);
    severities = Set.copyOf(severities);
    rulePrefixes = List.copyOf(rulePrefixes);
  }

  /**
   * Builds a filter from comma-separated lists, as given in a subscriber file or a query string;
   * null or blank means "any".
   *
   * @throws IllegalArgumentException naming the bad medium and the valid ones
   */
  public static AlertFilter parse(String districts, String media, String severities, String rulePrefixes) {
    Set<Medium> parsedMedia = split(media).stream().map(AlertFilter::medium).collect(Collectors.toSet());
    Set<String> parsedSeverities = split(severities).stream().map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    return new AlertFilter(Set.copyOf(split(districts)), parsedMedia, parsedSeverities, split(rulePrefixes));
  }

  private static List<String> split(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static Medium medium(String name) {
    try {
      return Medium.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown medium '" + name + "'; use one of "
          + Arrays.stream(Medium.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList(), e);
    }
  }

  public boolean matches(Alert alert) {
    return (districts.isEmpty() || districts.contains(alert.getDistrict()))
        && (media.isEmpty() || media.contains(alert.getMedium()))
        && (severities.isEmpty() || severities.contains(alert.getSeverity().toLowerCase(Locale.ROOT)))
        && (rulePrefixes.isEmpty() || rulePrefixes.stream().anyMatch(alert.getRuleId()::startsWith));
  }
}
