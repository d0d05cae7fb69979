package org.envmon.streams.internals;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** How every envmon state store is built: one place for the store settings. */
public final class StateStores {
  private StateStores() {}

  /**
   * A persistent (RocksDB), changelogged key-value store keyed by string, with Kafka's record
   * cache in front: for the stores that interactive queries read from other threads (the status
   * views), which {@link #writeBehind} stores do not allow. The cache is sized by
   * {@code statestore.cache.max.bytes} ({@code StreamsSettings.cacheMaxBytes}; 0 turns it off,
   * as the tests do).
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingEnabled();
  }

  /**
   * Like {@link #persistent}, without the record cache: for the status stores whose every key
   * changes about once an hour (the latest hourly value of a series, the latest AQI of a
   * station), all at each hour's close. The cache coalesced no writes there, and its bookkeeping
   * was a third of those stores' cost in the hour closes (docs/benchmarks.md, eleventh round).
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> persistentUncached(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingDisabled();
  }

  /**
   * The store of the topology's own state (open hours, rolling rings, days, alert episodes ...):
   * persistent (RocksDB) and changelogged, with a {@link WriteBehindStore} in front that keeps
   * the values decoded between commits and writes each changed one once per commit. Kafka's
   * record cache, which holds bytes and so encodes at every put and decodes at every get, is left
   * off beneath it.
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> writeBehind(String name, Serde<V> valueSerde) {
    return WriteBehindStore.builder(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
            .withCachingDisabled());
  }

  /**
   * Like {@link #writeBehind}, for a value per station (its clock, its QC history): held in
   * memory whole, since there are only as many as stations, and restored from the changelog when
   * a task starts. Reads and commits skip RocksDB's JNI calls.
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> writeBehindInMemory(String name, Serde<V> valueSerde) {
    return WriteBehindStore.builder(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde)
            .withCachingDisabled());
  }
}
