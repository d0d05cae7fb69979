package org.envmon.streams.status;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the latest record per key (by {@link Freshness}) in a store; forwards nothing. */
final class LatestRecordProcessor<V> implements Processor<String, V, Void, Void> {
  private final String storeName;
  private final Freshness<V> freshness;
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
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    V current = store.get(record.key());
    if (current == null || freshness.replaces(record.value(), current)) {
      store.put(record.key(), record.value());
    }
  }
}
