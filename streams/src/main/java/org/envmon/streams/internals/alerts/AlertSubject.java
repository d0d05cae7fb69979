package org.envmon.streams.internals.alerts;

import java.util.Objects;
import org.envmon.schemas.Medium;

/**
 * What an alert is about: a station, or a district / "city" for plan-progress alerts.
 *
 * @param id       station id, district name or "city"
 * @param district district ("" for the city)
 * @param medium   medium judged
 */
public record AlertSubject(String id, String district, Medium medium) {
  public AlertSubject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(medium, "medium");
    district = district == null ? "" : district;
  }
}
