package org.envmon.streams.internals.plan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateSerde;
import org.envmon.streams.internals.StateStores;

/**
 * The open days of every scope, one {@link DistrictDay} per {@code scope|yyyy-MM-dd} key, so a
 * station-day reads and writes its own day only, and closing range-scans just the days that close.
 * ISO dates of four-digit years sort as text, so a scope's days lie in date order.
 */
final class OpenDays {
  private static final char SEPARATOR = '|';
  /** Sorts after every date digit: the end of a scope's key range. */
  private static final char AFTER_DATES = '~';
  /** Longer spans (after a long silence) are range-scanned. */
  private static final int MAX_DAYS_READ_BY_KEY = 62;

  private final KeyValueStore<String, DistrictDay> store;

  OpenDays(KeyValueStore<String, DistrictDay> store) {
    this.store = store;
  }

  static StoreBuilder<KeyValueStore<String, DistrictDay>> storeBuilder(String name) {
    return StateStores.writeBehind(name, serde());
  }

  /** Adds a station's daily values to its scope's open day. */
  void add(PlanInput in) {
    String key = key(in.scope(), in.date());
    DistrictDay day = store.get(key);
    if (day == null) {
      day = DistrictDay.empty();
    }
    for (Map.Entry<String, Double> value : in.values().entrySet()) {
      day.put(value.getKey(), in.stationId(), value.getValue());
    }
    store.put(key, day); // changed in place: the write-behind store writes it at the commit
  }

  /**
   * Removes and returns the scope's open days after {@code after} (exclusive; null for no lower
   * bound) and before {@code before} (exclusive; {@link LocalDate#MAX} for no upper bound), oldest first.
   */
  List<Map.Entry<LocalDate, DistrictDay>> removeBetween(String scope, LocalDate after, LocalDate before) {
    if (before.equals(LocalDate.MIN)) {
      return List.of();
    }
    String from = after == null ? scope + SEPARATOR : key(scope, after.plusDays(1));
    String to = before.equals(LocalDate.MAX) ? scope + SEPARATOR + AFTER_DATES : key(scope, before.minusDays(1));
    if (from.compareTo(to) > 0) {
      return List.of();
    }
    if (after != null && !before.equals(LocalDate.MAX) && ChronoUnit.DAYS.between(after, before) <= MAX_DAYS_READ_BY_KEY) {
      return removeByKey(scope, after, before);
    }
    List<KeyValue<String, DistrictDay>> found = new ArrayList<>();
    try (KeyValueIterator<String, DistrictDay> days = store.range(from, to)) {
      days.forEachRemaining(found::add);
    }
    List<Map.Entry<LocalDate, DistrictDay>> removed = new ArrayList<>(found.size());
    for (KeyValue<String, DistrictDay> day : found) {
      store.delete(day.key);
      removed.add(Map.entry(LocalDate.parse(day.key.substring(scope.length() + 1)), day.value));
    }
    return removed;
  }

  /**
   * A known, short span is read day by day, by key: a range scan's iterator steps over the
   * tombstones of days removed before (with the write-behind store's flush, which then wrote every
   * changed value, 64 % of the plan stage in the replay), while most calls close a day or two.
   */
  private List<Map.Entry<LocalDate, DistrictDay>> removeByKey(String scope, LocalDate after, LocalDate before) {
    List<Map.Entry<LocalDate, DistrictDay>> removed = new ArrayList<>();
    for (LocalDate day = after.plusDays(1); day.isBefore(before); day = day.plusDays(1)) {
      DistrictDay open = store.delete(key(scope, day)); // the day, or null (and no tombstone) if none is open
      if (open != null) {
        removed.add(Map.entry(day, open));
      }
    }
    return removed;
  }

  static String key(String scope, LocalDate day) {
    return scope + SEPARATOR + day;
  }

  static Serde<DistrictDay> serde() {
    return StateSerde.of("plan open day", (byte) 1, OpenDays::write, OpenDays::read);
  }

  private static void write(DataOutputStream out, DistrictDay day) throws IOException {
    out.writeInt(day.values().size());
    for (Map.Entry<String, Map<String, Double>> input : day.values().entrySet()) {
      out.writeUTF(input.getKey());
      out.writeInt(input.getValue().size());
      for (Map.Entry<String, Double> station : input.getValue().entrySet()) {
        out.writeUTF(station.getKey());
        out.writeDouble(station.getValue());
      }
    }
  }

  private static DistrictDay read(DataInputStream in) throws IOException {
    int inputs = in.readInt();
    Map<String, Map<String, Double>> values = new TreeMap<>();
    for (int i = 0; i < inputs; i++) {
      String input = in.readUTF();
      int stations = in.readInt();
      Map<String, Double> byStation = new TreeMap<>();
      for (int s = 0; s < stations; s++) {
        byStation.put(in.readUTF(), in.readDouble());
      }
      values.put(input, byStation);
    }
    return new DistrictDay(values);
  }
}
