package org.envmon.streams.internals;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The hour-samples store with each station's most recently written hour kept decoded. With minute
 * data every reading updates its station-hour; reading it back from the store decoded the whole
 * hour state each time (the largest share of the stream thread). Every write goes through here,
 * so the kept object is always what the store holds; a new instance (a processor's init, after a
 * restart or a revived task) starts empty and reads the store.
 */
final class OpenHours {
  private final KeyValueStore<String, HourState> store;
  private final Map<String, Map.Entry<String, HourState>> newestByStation = new HashMap<>();

  OpenHours(KeyValueStore<String, HourState> store) {
    this.store = store;
  }

  /** The station-hour stored under {@code key}, or null. */
  HourState get(String station, String key) {
    Map.Entry<String, HourState> newest = newestByStation.get(station);
    return newest != null && newest.getKey().equals(key) ? newest.getValue() : store.get(key);
  }

  void put(String station, String key, HourState state) {
    store.put(key, state);
    newestByStation.put(station, Map.entry(key, state));
  }

  /** Deletes the station-hour without reading it (a tombstone even if it was never stored). */
  void delete(String station, String key) {
    store.put(key, null);
    Map.Entry<String, HourState> newest = newestByStation.get(station);
    if (newest != null && newest.getKey().equals(key)) {
      newestByStation.remove(station);
    }
  }

  /** Decoded copies of the station-hours in [from, to] (to forget expired hours). */
  KeyValueIterator<String, HourState> range(String from, String to) {
    return store.range(from, to);
  }
}
