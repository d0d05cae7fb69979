package org.envmon.streams.internals.alerts;

import java.util.Objects;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.health.HealthPolicy;
import org.envmon.streams.internals.noise.NoisePolicy;
import org.envmon.streams.internals.plan.PlanPolicy;
import org.envmon.streams.internals.voc.HotSpotPolicy;
import org.envmon.streams.internals.water.WaterPolicy;

/**
 * Settings of the evaluation stages (alerts, plan progress, noise, water, VOCs, station health).
 * Immutable; build with {@link #builder(Catalog)}.
 *
 * @param catalog the standards and plan catalog every limit comes from
 * @param alerts  hysteresis, pending and severity policy
 * @param health  station-health thresholds
 * @param noise   noise period completeness
 * @param water   water evaluation period
 * @param hotSpot VOCs hot-spot factor and baseline
 * @param plan    plan-year re-dating and day grace
 */
public record EvaluationSettings(Catalog catalog, AlertPolicy alerts, HealthPolicy health, NoisePolicy noise,
                                 WaterPolicy water, HotSpotPolicy hotSpot, PlanPolicy plan) {
  public EvaluationSettings {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(noise, "noise");
    Objects.requireNonNull(water, "water");
    Objects.requireNonNull(hotSpot, "hotSpot");
    Objects.requireNonNull(plan, "plan");
  }

  /** A builder starting from the defaults of every policy. */
  public static Builder builder(Catalog catalog) {
    return new Builder(catalog);
  }

  /** Builds {@link EvaluationSettings}; each policy validates itself when constructed. */
  public static final class Builder {
    private final Catalog catalog;
    private AlertPolicy alerts = AlertPolicy.DEFAULT;
    private HealthPolicy health = HealthPolicy.DEFAULT;
    private NoisePolicy noise = NoisePolicy.DEFAULT;
    private WaterPolicy water = WaterPolicy.DEFAULT;
    private HotSpotPolicy hotSpot = HotSpotPolicy.DEFAULT;
    private PlanPolicy plan = PlanPolicy.DEFAULT;

    private Builder(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public Builder alerts(AlertPolicy value) {
      this.alerts = value;
      return this;
    }

    public Builder health(HealthPolicy value) {
      this.health = value;
      return this;
    }

    public Builder noise(NoisePolicy value) {
      this.noise = value;
      return this;
    }

    public Builder water(WaterPolicy value) {
      this.water = value;
      return this;
    }

    public Builder hotSpot(HotSpotPolicy value) {
      this.hotSpot = value;
      return this;
    }

    /** Re-dates every observation to {@code year}'s plan targets; null judges each year by its own. */
    public Builder asYear(Integer year) {
      this.plan = new PlanPolicy(year, plan.graceDays(), plan.silentAfter());
      return this;
    }

    /** Days a district's day stays open for late station values (see {@link PlanPolicy#graceDays()}). */
    public Builder planGraceDays(int days) {
      this.plan = new PlanPolicy(plan.asYear(), days, plan.silentAfter());
      return this;
    }

    public EvaluationSettings build() {
      return new EvaluationSettings(catalog, alerts, health, noise, water, hotSpot, plan);
    }
  }
}
