package org.envmon.streams.internals;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that keeps the values read and written since the last commit decoded, and
 * writes the changed ones down to the store beneath (RocksDB and its changelog) once, when the
 * task commits.
 *
 * <p>Why: with minute data every reading reads and writes its series' QC history, its station's
 * clock and its open hour. Kafka's record cache holds bytes, so each of those operations
 * serialized or deserialized the value (a third of the stream threads' time in the bench). Here
 * a value is decoded at most once and encoded at most once per commit interval.
 *
 * <p>Kafka Streams flushes a task's stores before it commits the transaction holding the task's
 * outputs and input offsets ({@code flushCache}, the same hook its own record cache uses, from
 * {@link WrappedStateStore}, a class of Kafka Streams' internals). The changed values are
 * written then, so the changelog always holds the state the committed offsets imply. The decoded
 * values are dropped at every commit: a store outlives its task when Kafka Streams recycles an
 * active task into a standby and back, and the standby's restoration writes beneath this layer.
 *
 * <p>Values are handed out as stored: a caller that changes a mutable value must put it back.
 * {@code put(key, null)} deletes without reading the key first (a tombstone even if absent);
 * {@code delete} reads it, to return it, and writes no tombstone for an absent key.
 * Range and prefix scans (with a {@code StringSerializer}) first write the changed values they
 * could meet down and then read the store beneath; the other scans write every changed value
 * first. Not for stores read by interactive queries (other threads).
 */
public final class WriteBehindStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
    implements KeyValueStore<String, V> {
  private static final Object ABSENT = new Object();

  /** Decoded values since the last commit; {@link #ABSENT} for a key known not to be stored. */
  private final Map<String, Object> decoded = new HashMap<>();
  /** Keys whose decoded value differs from the store beneath. */
  private final Set<String> changed = new LinkedHashSet<>();

  WriteBehindStore(KeyValueStore<String, V> beneath) {
    super(beneath);
  }

  /** Builds a write-behind store over what {@code beneath} builds (keep the record cache off there). */
  public static <V> StoreBuilder<KeyValueStore<String, V>> builder(StoreBuilder<KeyValueStore<String, V>> beneath) {
    return new Builder<>(beneath);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(String key) {
    Object value = decoded.get(key);
    if (value == null) {
      V stored = wrapped().get(key);
      decoded.put(key, stored == null ? ABSENT : stored);
      return stored;
    }
    return value == ABSENT ? null : (V) value;
  }

  @Override
  public void put(String key, V value) {
    decoded.put(key, value == null ? ABSENT : value);
    changed.add(key);
  }

  @Override
  public V putIfAbsent(String key, V value) {
    V present = get(key);
    if (present == null) {
      put(key, value);
    }
    return present;
  }

  @Override
  public void putAll(List<KeyValue<String, V>> entries) {
    entries.forEach(kv -> put(kv.key, kv.value));
  }

  @Override
  public V delete(String key) {
    V present = get(key);
    if (present != null) { // no tombstone for a key that is not there
      put(key, null);
    }
    return present;
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    writeChangedBetween(from, to);
    return wrapped().range(from, to);
  }

  @Override
  public KeyValueIterator<String, V> reverseRange(String from, String to) {
    writeChangedBetween(from, to);
    return wrapped().reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<String, V> all() {
    writeChanged();
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<String, V> reverseAll() {
    writeChanged();
    return wrapped().reverseAll();
  }

  @Override
  public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
      P prefix, PS prefixKeySerializer) {
    if (prefix instanceof String text && prefixKeySerializer instanceof StringSerializer) {
      writeChangedWithPrefix(text); // the store's keys are UTF-8 strings too: a byte prefix is a text prefix
    } else {
      writeChanged();
    }
    return wrapped().prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    writeChanged();
    return wrapped().approximateNumEntries();
  }

  /** Called by Kafka Streams before every commit. */
  @Override
  public void flushCache() {
    writeChanged();
    decoded.clear();
    super.flushCache();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    writeChanged();
    super.commit(changelogOffsets);
  }

  @Override
  public void close() {
    // a clean close flushed first; a dirty close discards, as Kafka's record cache does
    decoded.clear();
    changed.clear();
    super.close();
  }

  private void writeChanged() {
    changed.forEach(this::writeDown);
    changed.clear();
  }

  /**
   * Writes the changed values a range scan from {@code from} to {@code to} could meet: those whose
   * key starts with the two bounds' common prefix (every key between them does, in any
   * lexicographic order). A station's range then writes that station's values only; writing every
   * changed value of the task was most of the cost of a new station's first hour.
   */
  private void writeChangedBetween(String from, String to) {
    if (from == null || to == null) {
      writeChanged(); // an open bound reaches every key
      return;
    }
    writeChangedWithPrefix(from.substring(0, commonPrefixLength(from, to)));
  }

  private void writeChangedWithPrefix(String prefix) {
    for (Iterator<String> it = changed.iterator(); it.hasNext(); ) {
      String key = it.next();
      if (key.startsWith(prefix)) {
        writeDown(key);
        it.remove();
      }
    }
  }

  private static int commonPrefixLength(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  @SuppressWarnings("unchecked")
  private void writeDown(String key) {
    Object value = decoded.get(key);
    if (value == ABSENT) {
      wrapped().put(key, null); // a delete without reading the old value first, as delete() would
    } else {
      wrapped().put(key, (V) value);
    }
  }

  private static final class Builder<V> implements StoreBuilder<KeyValueStore<String, V>> {
    private final StoreBuilder<KeyValueStore<String, V>> beneath;

    Builder(StoreBuilder<KeyValueStore<String, V>> beneath) {
      this.beneath = beneath;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
      beneath.withCachingEnabled();
      return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
      beneath.withCachingDisabled();
      return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
      beneath.withLoggingEnabled(config);
      return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
      beneath.withLoggingDisabled();
      return this;
    }

    @Override
    public KeyValueStore<String, V> build() {
      return new WriteBehindStore<>(beneath.build());
    }

    @Override
    public Map<String, String> logConfig() {
      return beneath.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return beneath.loggingEnabled();
    }

    @Override
    public String name() {
      return beneath.name();
    }
  }
}
