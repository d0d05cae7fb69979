package org.envmon.streams.status;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.PlanProgress;

/**
 * One status store and how its records are shown: the store name, the view type (what peers
 * exchange as JSON), the conversion from the stored Avro record, and how the store is
 * partitioned.
 *
 * @param byStation true for a store kept in the readings' task, partitioned by the station part
 *                  of its keys ({@link StationKeyPartitioner}); false for one fed from its own
 *                  topic, partitioned by the whole key
 * @param <A> the stored record
 * @param <T> its view
 */
public record StatusView<A, T>(String store, Class<T> viewType, Function<A, T> view, boolean byStation) {
  public static final StatusView<HourlyValue, HourlyStatus> HOURLY =
      new StatusView<>(StatusStores.LATEST_HOURLY, HourlyStatus.class, HourlyStatus::of, true);
  public static final StatusView<AqiRecord, AqiStatus> AQI =
      new StatusView<>(StatusStores.LATEST_AQI, AqiStatus.class, AqiStatus::of, true);
  public static final StatusView<Alert, OpenAlert> OPEN_ALERTS =
      new StatusView<>(StatusStores.OPEN_ALERTS, OpenAlert.class, OpenAlert::of, false);
  public static final StatusView<PlanProgress, PlanStatus> PLAN =
      new StatusView<>(StatusStores.PLAN_PROGRESS, PlanStatus.class, PlanStatus::of, false);

  /** Every status view. */
  public static List<StatusView<?, ?>> all() {
    return List.of(HOURLY, AQI, OPEN_ALERTS, PLAN);
  }

  /** The view of the store called {@code name}, or empty. */
  public static Optional<StatusView<?, ?>> named(String name) {
    return all().stream().filter(v -> v.store().equals(name)).findFirst();
  }
}
