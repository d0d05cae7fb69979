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
   * An in-memory, changelogged key-value store without the record cache: for the status stores
   * holding one small record per series or station (the latest hourly value of a series, the
   * latest AQI of a station), each key rewritten about once an hour, all at the hour's close.
   * The cache coalesced no writes there, and a RocksDB put per record was an eighth to a fifth
   * of the hour close's stream-thread CPU (docs/benchmarks.md, thirteenth round). Interactive
   * queries may read it from other threads (Kafka's in-memory store synchronizes); a task
   * restores it from its changelog when it starts.
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> inMemoryUncached(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde)
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
