package org.envmon.streams.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.envmon.standards.Parameter;

/**
 * The status of the whole application, whichever instance is asked. Single keys are routed to the
 * instance holding them ({@code queryMetadataForKey}); "all" queries fan out to every instance
 * holding part of the store ({@code streamsMetadataForStore}) and merge. Local parts are read
 * here, remote parts through {@link StatusPeers}.
 */
public final class StatusQueries {
  /** Plan progress scope of the whole city. */
  public static final String CITY = "city";
  private static final String SEPARATOR = "|";

  private final LocalStatusStores local;
  private final StatusPeers peers;

  public StatusQueries(LocalStatusStores local, StatusPeers peers) {
    this.local = local;
    this.peers = peers;
  }

  /** Reads of this instance's own stores (what peers ask for). */
  public LocalStatusStores local() {
    return local;
  }

  /** Key of the hourly store (and of {@code envmon.hourly}). */
  public static String hourlyKey(String station, String parameter) {
    return station + SEPARATOR + parameter;
  }

  /** Key of the AQI store (and of {@code envmon.aqi}); period {@code HOUR} or {@code DAY}. */
  public static String aqiKey(String station, String period) {
    return station + SEPARATOR + period;
  }

  /** Every station with an hourly value or an AQI, sorted by station id. */
  public List<StationStatus> stations() {
    List<HourlyStatus> hourly = everywhere(StatusView.HOURLY);
    List<AqiStatus> aqi = everywhere(StatusView.AQI);
    Map<String, List<HourlyStatus>> hourlyByStation = hourly.stream()
        .collect(Collectors.groupingBy(HourlyStatus::station, TreeMap::new, Collectors.toList()));
    Map<String, List<AqiStatus>> aqiByStation = aqi.stream()
        .collect(Collectors.groupingBy(AqiStatus::station, TreeMap::new, Collectors.toList()));
    TreeSet<String> ids = new TreeSet<>(hourlyByStation.keySet());
    ids.addAll(aqiByStation.keySet());
    return ids.stream()
        .map(id -> station(id, hourlyByStation.getOrDefault(id, List.of()), aqiByStation.getOrDefault(id, List.of())))
        .toList();
  }

  /**
   * One station, by key routing: its hourly keys ({@code station|parameter} for every known
   * parameter) and AQI keys are each read where they live. Empty when nothing is known of it.
   */
  public Optional<StationStatus> station(String id) {
    List<String> hourlyKeys = Arrays.stream(Parameter.values()).map(Parameter::code).map(p -> hourlyKey(id, p)).toList();
    List<String> aqiKeys = List.of(aqiKey(id, "HOUR"), aqiKey(id, "DAY"));
    List<HourlyStatus> hourly = byKey(StatusView.HOURLY, hourlyKeys);
    List<AqiStatus> aqi = byKey(StatusView.AQI, aqiKeys);
    if (hourly.isEmpty() && aqi.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(station(id, hourly, aqi));
  }

  /** Every open (OPEN or ESCALATED) alert, newest transition first, then by alert id. */
  public List<OpenAlert> openAlerts() {
    return everywhere(StatusView.OPEN_ALERTS).stream()
        .sorted(Comparator.comparing(OpenAlert::transitionAt).reversed().thenComparing(OpenAlert::alertId))
        .toList();
  }

  /** Latest plan progress of the city and every district. */
  public PlanOverview plan() {
    Comparator<PlanStatus> order = Comparator.comparingInt(PlanStatus::year).thenComparing(PlanStatus::target);
    List<PlanStatus> all = everywhere(StatusView.PLAN);
    List<PlanStatus> city = all.stream().filter(p -> CITY.equals(p.scope())).sorted(order).toList();
    Map<String, List<PlanStatus>> districts = new LinkedHashMap<>();
    all.stream().filter(p -> !CITY.equals(p.scope()))
        .collect(Collectors.groupingBy(PlanStatus::scope, TreeMap::new, Collectors.toList()))
        .forEach((scope, list) -> districts.put(scope, list.stream().sorted(order).toList()));
    return new PlanOverview(city, districts);
  }

  private static StationStatus station(String id, List<HourlyStatus> hourly, List<AqiStatus> aqi) {
    List<HourlyStatus> sorted = hourly.stream().sorted(Comparator.comparing(HourlyStatus::parameter)).toList();
    Optional<AqiStatus> hour = aqi.stream().filter(a -> "HOUR".equals(a.period())).findFirst();
    Optional<AqiStatus> day = aqi.stream().filter(a -> "DAY".equals(a.period())).findFirst();
    String district = sorted.stream().map(HourlyStatus::district).findFirst()
        .or(() -> aqi.stream().map(AqiStatus::district).findFirst()).orElse("");
    return new StationStatus(id, district, sorted, hour.orElse(null), day.orElse(null));
  }

  /** Reads {@code keys} from the instances holding them: one local read, one request per remote owner. */
  private <T> List<T> byKey(StatusView<?, T> view, List<String> keys) {
    Map<HostInfo, List<String>> byOwner = keys.stream()
        .collect(Collectors.groupingBy(k -> local.ownerOf(view, k), LinkedHashMap::new, Collectors.toList()));
    List<T> out = new ArrayList<>();
    byOwner.forEach((owner, ownedKeys) -> out.addAll(owner.equals(local.self())
        ? local.get(view, ownedKeys) : peers.get(owner, view, ownedKeys)));
    return out;
  }

  /** The store's records on every instance holding part of it. */
  private <T> List<T> everywhere(StatusView<?, T> view) {
    List<T> out = new ArrayList<>();
    for (HostInfo host : local.hostsOf(view)) {
      out.addAll(host.equals(local.self()) ? local.all(view) : peers.all(host, view));
    }
    return out;
  }
}
