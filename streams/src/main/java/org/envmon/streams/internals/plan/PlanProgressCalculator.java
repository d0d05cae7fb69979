package org.envmon.streams.internals.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envmon.schemas.PlanProgress;
import org.envmon.standards.catalog.Catalog;
import org.envmon.standards.catalog.PlanTarget;
import org.envmon.streams.internals.BeijingTime;

/**
 * Year-to-date arithmetic against the plan targets of the catalog: PM2.5 mean of the scope's
 * daily values vs pm25_annual, good days / valid days vs good_day_ratio, heavy-pollution days vs
 * heavy_days. Targets apply to their own year, or to the re-dated year ({@link PlanPolicy#asYear()}).
 */
public final class PlanProgressCalculator {
  /** Target names in the catalog. */
  public static final String PM25 = "pm25_annual";
  public static final String GOOD_DAYS = "good_day_ratio";
  public static final String HEAVY_DAYS = "heavy_days";

  private final Catalog catalog;
  private final PlanPolicy policy;

  public PlanProgressCalculator(Catalog catalog, PlanPolicy policy) {
    this.catalog = catalog;
    this.policy = policy;
  }

  /** Progress of {@code scope} after its day {@code ytd.lastClosed()} was closed. */
  public List<TargetProgress> progress(String scope, YearToDate ytd) {
    List<TargetProgress> out = new ArrayList<>();
    if (ytd.pm25Days() > 0) {
      target(scope, PM25, ytd).ifPresent(t ->
          out.add(progress(scope, t, ytd, ytd.pm25Sum() / ytd.pm25Days(), 1.0, ytd.pm25Days())));
    }
    if (ytd.aqiDays() > 0) {
      target(scope, GOOD_DAYS, ytd).ifPresent(t -> out.add(progress(scope, t, ytd,
          (double) ytd.goodDays() / ytd.aqiDays(), "%".equals(t.unit()) ? 100.0 : 1.0, ytd.aqiDays())));
      target(scope, HEAVY_DAYS, ytd).ifPresent(t ->
          out.add(progress(scope, t, ytd, ytd.heavyDays(), 1.0, ytd.aqiDays())));
    }
    return out;
  }

  private Optional<PlanTarget> target(String scope, String name, YearToDate ytd) {
    return catalog.planTarget(scope, name, policy.planYear(ytd.dataYear()));
  }

  /**
   * One record. {@code scale} converts the published actual into the target's unit (a ratio is
   * published as a fraction; the catalog may state it in %).
   */
  private TargetProgress progress(String scope, PlanTarget t, YearToDate ytd, double actual, double scale, int days) {
    PlanProgress p = PlanProgress.newBuilder()
        .setScope(scope)
        .setTarget(t.target())
        .setYear(t.year())
        .setAsOf(Instant.ofEpochMilli(BeijingTime.startOf(ytd.lastClosed())))
        .setActual(actual)
        .setTargetValue(t.value() / scale)
        .setOnTrack(t.met(actual * scale))
        .setDays(days)
        .setSource(t.source())
        .setRedatedFrom(policy.redatedFrom(ytd.dataYear()))
        .build();
    return new TargetProgress(t, p);
  }
}
