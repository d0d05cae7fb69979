package org.envmon.streams.status;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest record per key (by {@link Freshness}) in a store; forwards nothing. The stamp
 * of each key's stored record is remembered, so a record is not read back (decoded from the
 * store's cache) for every one that arrives; this processor is the store's only writer.
 */
final class LatestRecordProcessor<V> implements Processor<String, V, Void, Void> {
  private final String storeName;
  private final Freshness<V> freshness;
  private final Map<String, Freshness.Stamp> storedStamps = new HashMap<>();
  private KeyValueStore<String, V> store;

  private LatestRecordProcessor(String storeName, Freshness<V> freshness) {
    this.storeName = storeName;
    this.freshness = freshness;
  }

  static <V> ProcessorSupplier<String, V, Void, Void> supplier(String storeName, Freshness<V> freshness) {
    return () -> new LatestRecordProcessor<>(storeName, freshness);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
    // init runs again when a task is revived with its state restored: forget what was stored before
    storedStamps.clear();
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    Freshness.Stamp current = storedStamps.computeIfAbsent(record.key(), this::storedStamp);
    Freshness.Stamp candidate = freshness.stamp(record.value());
    if (current == null || candidate.replaces(current)) {
      store.put(record.key(), record.value());
      storedStamps.put(record.key(), candidate);
    }
  }

  /** The stamp of the record in the store (after init, until this key is seen), or null. */
  private Freshness.Stamp storedStamp(String key) {
    V stored = store.get(key);
    return stored == null ? null : freshness.stamp(stored);
  }
}
