package org.envmon.streams.internals.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateStores;
import org.envmon.standards.aqi.AqiCalculator;
import org.envmon.standards.aqi.AqiResult;
import org.envmon.standards.catalog.Catalog;
import org.envmon.streams.internals.StationsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per scope (input keyed by district or "city"): collects the stations' daily values into open
 * days; a day closes once every station of the scope has delivered a later day (a station silent
 * for {@link PlanPolicy#silentAfter()} of wall-clock time holds it only until the newest day is
 * more than {@link PlanPolicy#graceDays()} days ahead). Closing a day computes the
 * scope PM2.5 (mean of the stations' daily means) and the scope AQI (HJ 633 daily AQI of the
 * station-mean concentrations) and forwards the closed day with its year-to-date progress.
 */
public final class PlanDayProcessor implements Processor<String, PlanInput, String, ClosedDay> {
  private static final Logger LOG = LoggerFactory.getLogger(PlanDayProcessor.class);

  private final AqiCalculator aqi;
  private final int graceDays;
  private final long silentAfterMs;
  private long watchingSince;
  private final PlanProgressCalculator calculator;
  private final String yearStore;
  private final String daysStore;
  private ProcessorContext<String, ClosedDay> context;
  private KeyValueStore<String, YearToDate> years;
  private OpenDays openDays;
  private StationsStore stations;
  /** Per scope, a station holding its open days at the last full look (not state: a hint, lost on restart). */
  private final Map<String, Holder> holders = new HashMap<>();
  private final SplittableRandom random = new SplittableRandom(212);

  private PlanDayProcessor(Catalog catalog, PlanPolicy policy, String yearStore, String daysStore) {
    this.aqi = new AqiCalculator(catalog);
    this.graceDays = policy.graceDays();
    this.silentAfterMs = policy.silentAfter().toMillis();
    this.calculator = new PlanProgressCalculator(catalog, policy);
    this.yearStore = yearStore;
    this.daysStore = daysStore;
  }

  /** A supplier keeping each scope's year in {@code yearStore} and its open days in {@code daysStore}. */
  public static ProcessorSupplier<String, PlanInput, String, ClosedDay> supplier(Catalog catalog, PlanPolicy policy,
                                                                                String yearStore, String daysStore) {
    StoreBuilder<KeyValueStore<String, YearToDate>> years = StateStores.writeBehind(yearStore, YearToDateSerde.serde());
    StoreBuilder<KeyValueStore<String, Map<String, Double>>> days = OpenDays.storeBuilder(daysStore);
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, PlanInput, String, ClosedDay> get() {
        return new PlanDayProcessor(catalog, policy, yearStore, daysStore);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(years, days);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, ClosedDay> context) {
    this.context = context;
    this.years = context.getStateStore(yearStore);
    this.openDays = new OpenDays(context.getStateStore(daysStore));
    this.stations = StationsStore.of(context);
    this.watchingSince = context.currentSystemTimeMs();
  }

  @Override
  public void process(Record<String, PlanInput> record) {
    PlanInput in = record.value();
    String scope = in.scope();
    YearToDate ytd = years.get(scope);
    if (ytd == null) {
      ytd = YearToDate.empty();
    }
    if (ytd.closed(in.date())) {
      LOG.warn("daily values {} of {} for {} arrived after {}'s day was closed for plan progress; not counted",
          in.values(), in.stationId(), in.date(), scope);
      return;
    }
    long now = context.currentSystemTimeMs();
    ytd.deliver(in, now);
    if (!in.endOfInput()) {
      openDays.add(in);
    }
    YearToDate.Activity activity = new YearToDate.Activity(now, watchingSince, silentAfterMs);
    Set<String> expected = stations.airStationsOf(scope);
    Set<String> watched = expected.isEmpty() ? ytd.stationDays().keySet() : expected;
    Holder holder = holders.get(scope);
    // Every open day before holder.bound closed at the last full look, and this input adds none;
    // while the holder has not passed that bound, no open day can close now.
    if (holder != null && !in.endOfInput() && !in.date().isBefore(holder.bound()) && watched.contains(holder.station())
        && ytd.holds(holder.station(), holder.bound(), activity)) {
      years.put(scope, ytd);
      return;
    }
    LocalDate before = ytd.closesBefore(expected, graceDays, activity);
    for (Map.Entry<LocalDate, DistrictDay> open : openDays.removeBetween(scope, ytd.lastClosed(), before)) {
      LocalDate day = open.getKey();
      Map<String, Double> means = open.getValue().means();
      AqiResult dayAqi = aqi.daily(day, means);
      ytd = ytd.close(day, means.get("PM2_5"), dayAqi);
      ClosedDay closed = new ClosedDay(scope, day, calculator.progress(scope, ytd), ytd.pollutedRun());
      context.forward(record.withKey(scope).withValue(closed));
    }
    years.put(scope, ytd);
    rememberHolder(scope, ytd, watched, activity, before);
  }

  /**
   * Remembers a station, picked at random, that holds the scope's days from {@code before} on. While
   * it still does, no day can close and the next inputs skip {@link YearToDate#closesBefore},
   * which looks at every station: called for each of n stations' inputs it made closing a day
   * O(n²) (with the copies now gone, a third of the stream threads through the bench's day-close
   * stall). Whatever order the stations deliver in, a random holder is passed after about half
   * the remaining deliveries, so a day costs O(n log n) expected.
   */
  private void rememberHolder(String scope, YearToDate ytd, Set<String> watched, YearToDate.Activity activity,
                              LocalDate before) {
    holders.remove(scope);
    if (before.equals(LocalDate.MAX)) {
      return;
    }
    int seen = 0;
    for (String station : watched) {
      if (ytd.holds(station, before, activity) && random.nextInt(++seen) == 0) {
        holders.put(scope, new Holder(station, before));
      }
    }
  }

  /** A station that held a scope's open days from {@code bound} on, at the last full look. */
  private record Holder(String station, LocalDate bound) {}
}
