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
   * A persistent (RocksDB), changelogged key-value store keyed by string, with the record cache
   * in front: a key written many times between two commits (a station's clock, its open hour,
   * its rolling ring) reaches RocksDB and the changelog once per commit instead of once per write.
   * Reads and range scans see the cache. The cache is sized by {@code statestore.cache.max.bytes}
   * ({@code StreamsSettings.cacheMaxBytes}; 0 turns it off, as the tests do).
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
        .withCachingEnabled();
  }

  /**
   * A persistent, changelogged store for values that change with nearly every reading (a
   * series' QC history, a station's clock, its open hour): {@link WriteBehindStore} keeps them
   * decoded between commits and writes each changed one once per commit, so Kafka's record cache
   * (which holds bytes) is left off beneath it.
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
