package org.envmon.streams.status;

import java.util.List;
import java.util.Map;

/**
 * Latest plan progress of the city and of each district, each list sorted by year and target.
 *
 * @param city      scope {@code city}
 * @param districts district name to its targets, sorted by district name
 */
public record PlanOverview(List<PlanStatus> city, Map<String, List<PlanStatus>> districts) {
  public PlanOverview {
    city = List.copyOf(city);
  }
}
