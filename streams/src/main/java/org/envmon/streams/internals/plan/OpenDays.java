package org.envmon.streams.internals.plan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateSerde;
import org.envmon.streams.internals.StateStores;

/**
 * The open days of every scope: each station's daily values of a day under its own key,
 * {@code scope|yyyy-MM-dd|station}, so a station-day reads and writes one small value, and
 * closing a day reads its stations with one prefix scan and builds the {@link DistrictDay}.
 * ISO dates of four-digit years sort as text, so a scope's days lie in date order.
 *
 * <p>Why not one value per scope-day: the city's day held every station's values (in the bench
 * 7 inputs x 1 000 stations x 25 bytes, about 175 KB) and was written again at every commit
 * while the stations delivered, so a day's close wrote O(stations x commits) bytes. Records that size
 * were seen at no other time of the day: they took the producer's and broker's compiled code
 * paths it had never taken (batches above {@code batch.size}, three-byte size varints) and
 * deoptimized them at every Beijing midnight (docs/benchmarks.md, eighth round).
 */
final class OpenDays {
  private static final char SEPARATOR = '|';
  private static final int DATE_LENGTH = "yyyy-MM-dd".length();
  /** Longer spans (after a long silence) are read with one scan of the scope's keys. */
  private static final int MAX_DAYS_READ_BY_KEY = 62;
  private static final StringSerializer PREFIX = new StringSerializer();

  private final KeyValueStore<String, Map<String, Double>> store;

  OpenDays(KeyValueStore<String, Map<String, Double>> store) {
    this.store = store;
  }

  static StoreBuilder<KeyValueStore<String, Map<String, Double>>> storeBuilder(String name) {
    return StateStores.writeBehind(name, serde());
  }

  /** Files a station's daily values into its scope's open day; a revised value replaces the earlier one. */
  void add(PlanInput in) {
    String key = key(in.scope(), in.date(), in.stationId());
    Map<String, Double> values = store.get(key);
    if (values == null) {
      values = new TreeMap<>();
    }
    values.putAll(in.values());
    store.put(key, values); // changed in place: the write-behind store writes it at the commit
  }

  /**
   * Removes and returns the scope's open days after {@code after} (exclusive; null for no lower
   * bound) and before {@code before} (exclusive; {@link LocalDate#MAX} for no upper bound), oldest first.
   */
  List<Map.Entry<LocalDate, DistrictDay>> removeBetween(String scope, LocalDate after, LocalDate before) {
    if (before.equals(LocalDate.MIN) || (after != null && !after.isBefore(before.minusDays(1)))) {
      return List.of();
    }
    TreeMap<LocalDate, DistrictDay> days = new TreeMap<>();
    List<String> keys = new ArrayList<>();
    if (after != null && !before.equals(LocalDate.MAX) && ChronoUnit.DAYS.between(after, before) <= MAX_DAYS_READ_BY_KEY) {
      // a known, short span (most calls close a day or two): each day's own prefix
      for (LocalDate day = after.plusDays(1); day.isBefore(before); day = day.plusDays(1)) {
        collect(dayPrefix(scope, day), day, after, before, days, keys);
      }
    } else {
      collect(scope + SEPARATOR, null, after, before, days, keys);
    }
    keys.forEach(key -> store.put(key, null)); // known to be there: a tombstone without reading it again
    return new ArrayList<>(days.entrySet());
  }

  /**
   * Adds the stations' values of the keys under {@code prefix}, which are of {@code day}; for a
   * null day (a prefix of the whole scope) each key's day is read from it, and only the keys of
   * days between the bounds are taken.
   */
  private void collect(String prefix, LocalDate day, LocalDate after, LocalDate before,
                       TreeMap<LocalDate, DistrictDay> days, List<String> keys) {
    int stationStart = prefix.length() + (day == null ? DATE_LENGTH + 1 : 0);
    try (KeyValueIterator<String, Map<String, Double>> it = store.prefixScan(prefix, PREFIX)) {
      while (it.hasNext()) {
        KeyValue<String, Map<String, Double>> entry = it.next();
        LocalDate entryDay = day == null ? dayOf(entry.key, prefix.length(), stationStart) : day;
        if (entryDay == null || (after != null && !entryDay.isAfter(after)) || !entryDay.isBefore(before)) {
          continue; // not between the bounds, or another scope whose name starts with this one's and a separator
        }
        String station = entry.key.substring(stationStart);
        DistrictDay districtDay = days.computeIfAbsent(entryDay, d -> DistrictDay.empty());
        entry.value.forEach((input, value) -> districtDay.put(input, station, value));
        keys.add(entry.key);
      }
    }
  }

  /** The date between {@code dateStart} and the separator before {@code stationStart}, or null if there is none. */
  private static LocalDate dayOf(String key, int dateStart, int stationStart) {
    if (key.length() <= stationStart || key.charAt(stationStart - 1) != SEPARATOR) {
      return null;
    }
    try {
      return LocalDate.parse(key.substring(dateStart, stationStart - 1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String dayPrefix(String scope, LocalDate day) {
    return scope + SEPARATOR + day + SEPARATOR;
  }

  static String key(String scope, LocalDate day, String station) {
    return dayPrefix(scope, day) + station;
  }

  /** Format 2: one station's values of a day (format 1 was the whole scope-day). */
  static Serde<Map<String, Double>> serde() {
    return StateSerde.of("plan open station-day", (byte) 2, OpenDays::write, OpenDays::read);
  }

  private static void write(DataOutputStream out, Map<String, Double> values) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, Double> value : values.entrySet()) {
      out.writeUTF(value.getKey());
      out.writeDouble(value.getValue());
    }
  }

  private static Map<String, Double> read(DataInputStream in) throws IOException {
    int inputs = in.readInt();
    Map<String, Double> values = new TreeMap<>();
    for (int i = 0; i < inputs; i++) {
      values.put(in.readUTF(), in.readDouble());
    }
    return values;
  }
}
