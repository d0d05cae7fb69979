package org.envmon.streams.internals.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;

/** Turns a transition into the published {@link Alert} with its deterministic id and message. */
public final class AlertRecords {
  private AlertRecords() {}

  /** The alert record of one transition; {@code reason} is appended to the message when not blank. */
  public static Alert of(AlertSubject subject, JudgedRule rule, Transition t, String reason) {
    return Alert.newBuilder()
        .setAlertId(AlertIds.alertId(subject.id(), rule.id(), t.episodeStart()))
        .setState(t.state())
        .setSeverity(t.severity().wire())
        .setStationId(subject.id())
        .setDistrict(subject.district())
        .setMedium(subject.medium())
        .setRuleId(rule.id())
        .setRuleSource(rule.source())
        .setParameter(rule.parameter())
        .setStatistic(rule.statistic())
        .setObserved(t.observed())
        .setThreshold(t.threshold())
        .setPeriodStart(Instant.ofEpochMilli(t.periodStart()))
        .setEpisodeStart(Instant.ofEpochMilli(t.episodeStart()))
        .setTransitionAt(Instant.ofEpochMilli(t.periodStart()))
        .setMessage(message(subject, rule, t, reason))
        .setStandard(rule.standard())
        .build();
  }

  static String message(AlertSubject subject, JudgedRule rule, Transition t, String reason) {
    String where = subject.district().isEmpty() || subject.district().equals(subject.id())
        ? subject.id() : subject.id() + " (" + subject.district() + ")";
    String what = (rule.screening() ? "Screening: " : "") + rule.parameter() + " " + rule.statistic() + " at " + where
        + " from " + Instant.ofEpochMilli(t.periodStart()) + " is " + number(t.observed()) + unit(rule);
    String verdict = switch (t.state()) {
      case OPEN -> "beyond the " + (rule.screening() ? "screening comparator " : "limit ") + number(t.threshold())
          + unit(rule) + "; alert opened (" + t.severity().wire() + ")";
      case ESCALATED -> "beyond the limit " + number(t.threshold()) + unit(rule) + "; escalated to "
          + t.severity().wire();
      case CLEARED -> "back within the clear level " + number(t.threshold()) + unit(rule) + "; alert cleared";
      case NORMAL -> throw new IllegalArgumentException("NORMAL is never published");
    };
    String by = " [" + rule.id() + ", " + rule.source() + "]";
    String screeningNote = rule.screening() && t.state() != AlertState.CLEARED
        ? " This is a screening comparison against an emission-control limit, not an ambient standard." : "";
    String extra = reason == null || reason.isBlank() ? "" : " " + reason;
    return what + ", " + verdict + by + "." + screeningNote + extra;
  }

  private static String unit(JudgedRule rule) {
    return rule.unit().isEmpty() ? "" : " " + rule.unit();
  }

  private static String number(double v) {
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
