package org.envmon.sinks.alerts;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.envmon.schemas.Alert;

/**
 * The alerts currently open, maintained from the transitions: OPEN and ESCALATED add or replace
 * the alert, CLEARED removes it. Thread-safe: the feed writes while HTTP threads read.
 */
public final class OpenAlerts {
  private final ConcurrentMap<String, Alert> byId = new ConcurrentHashMap<>();

  public void apply(Alert transition) {
    switch (transition.getState()) {
      case OPEN, ESCALATED -> byId.put(transition.getAlertId(), transition);
      case CLEARED -> byId.remove(transition.getAlertId());
      // NORMAL is never emitted (see AlertState); nothing to track if it were.
      case NORMAL -> { }
    }
  }

  /** The open alerts, oldest transition first, then by id. */
  public List<Alert> snapshot() {
    return byId.values().stream()
        .sorted(Comparator.comparing(Alert::getTransitionAt).thenComparing(Alert::getAlertId))
        .toList();
  }
}
