package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over a real RocksDB store: what reaches the store beneath, and when. */
class WriteBehindStoreTest {
  /** A mutable value, as the hour state is. */
  static final class Tally {
    int count;

    Tally(int count) {
      this.count = count;
    }
  }

  private final AtomicInteger encoded = new AtomicInteger();
  private final AtomicInteger decoded = new AtomicInteger();
  private final Serde<Tally> serde = StateSerde.of("tally", (byte) 1,
      (out, t) -> {
        encoded.incrementAndGet();
        out.writeInt(t.count);
      },
      in -> {
        decoded.incrementAndGet();
        return new Tally(in.readInt());
      });

  @TempDir
  Path stateDir;
  private MockProcessorContext<Object, Object> context;
  private KeyValueStore<String, Tally> beneath;
  private WriteBehindStore<Tally> store;

  @BeforeEach
  void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-behind-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    reopen();
  }

  private void reopen() {
    beneath = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("tallies"), Serdes.String(), serde)
        .withLoggingDisabled().withCachingDisabled().build();
    store = new WriteBehindStore<>(beneath);
    store.init(context.getStateStoreContext(), store);
  }

  @AfterEach
  void close() {
    if (store.isOpen()) {
      store.close();
    }
  }

  @Test
  void writesAChangedValueOnceAtTheCommitAsLastPut() {
    Tally tally = new Tally(0);
    for (int i = 1; i <= 100; i++) {
      tally.count = i;
      store.put("Dongsi", tally);
    }
    assertThat(beneath.get("Dongsi")).isNull();
    assertThat(encoded).hasValue(0);

    store.flushCache();

    assertThat(encoded).hasValue(1);
    assertThat(beneath.get("Dongsi").count).isEqualTo(100);
  }

  @Test
  void decodesAValueOncePerCommitIntervalAndAgainAfterTheCommit() {
    beneath.put("Dongsi", new Tally(7));
    decoded.set(0);

    Tally first = store.get("Dongsi");
    assertThat(store.get("Dongsi")).isSameAs(first);
    assertThat(decoded).hasValue(1);

    store.flushCache();
    Tally afterCommit = store.get("Dongsi");

    assertThat(afterCommit).isNotSameAs(first);
    assertThat(afterCommit.count).isEqualTo(7);
    assertThat(decoded).hasValue(2);
  }

  @Test
  void knowsAnAbsentKeyWithoutAskingAgain() {
    assertThat(store.get("Dongsi")).isNull();
    beneath.put("Dongsi", new Tally(1)); // behind its back: not seen until the next commit
    assertThat(store.get("Dongsi")).isNull();
    store.flushCache();
    assertThat(store.get("Dongsi").count).isEqualTo(1);
  }

  @Test
  void deletesReachTheStoreAtTheCommit() {
    beneath.put("Dongsi", new Tally(3));

    assertThat(store.delete("Dongsi").count).isEqualTo(3);
    assertThat(store.get("Dongsi")).isNull();
    assertThat(beneath.get("Dongsi")).isNotNull();

    store.flushCache();
    assertThat(beneath.get("Dongsi")).isNull();
  }

  @Test
  void aPutOfNullDeletesWithoutDecodingTheOldValue() {
    beneath.put("Dongsi", new Tally(3));
    decoded.set(0);

    store.put("Dongsi", null);
    assertThat(decoded).hasValue(0);
    assertThat(store.get("Dongsi")).isNull();
    assertThat(store.delete("Tiantan")).isNull();

    store.flushCache();
    assertThat(beneath.get("Dongsi")).isNull();
    assertThat(beneath.get("Tiantan")).isNull();
  }

  @Test
  void putIfAbsentAndPutAllGoThroughTheDecodedValues() {
    store.put("A", new Tally(1));
    assertThat(store.putIfAbsent("A", new Tally(9)).count).isEqualTo(1);
    assertThat(store.putIfAbsent("B", new Tally(2))).isNull();
    store.putAll(List.of(KeyValue.pair("C", new Tally(3)), KeyValue.pair("A", new Tally(4))));

    store.flushCache();
    assertThat(beneath.get("A").count).isEqualTo(4);
    assertThat(beneath.get("B").count).isEqualTo(2);
    assertThat(beneath.get("C").count).isEqualTo(3);
  }

  @Test
  void rangeScansSeeTheChangesNotYetCommitted() {
    beneath.put("s|1", new Tally(1));
    beneath.put("s|2", new Tally(2));
    store.put("s|3", new Tally(3));
    store.delete("s|1");
    store.get("s|2").count = 20;
    store.put("s|2", store.get("s|2"));

    List<String> seen = new ArrayList<>();
    try (KeyValueIterator<String, Tally> it = store.range("s|0", "s|9")) {
      it.forEachRemaining(kv -> seen.add(kv.key + "=" + kv.value.count));
    }
    assertThat(seen).containsExactly("s|2=20", "s|3=3");
  }

  @Test
  void aRangeScanWritesOnlyTheChangesItCouldMeet() {
    store.put("Dongsi|1", new Tally(1));
    store.put("Dongsi|2", new Tally(2));
    store.put("Dongsi", new Tally(3));
    store.put("Tiantan|1", new Tally(4));
    store.delete("Dongsi|2");

    List<String> seen = new ArrayList<>();
    try (KeyValueIterator<String, Tally> it = store.range("Dongsi|0", "Dongsi|9")) {
      it.forEachRemaining(kv -> seen.add(kv.key + "=" + kv.value.count));
    }
    assertThat(seen).containsExactly("Dongsi|1=1");
    assertThat(beneath.get("Tiantan|1")).as("another station's change waits for the commit").isNull();
    assertThat(beneath.get("Dongsi")).as("outside the range, though it shares the station").isNull();

    store.put("Dongsi|1", new Tally(10)); // changed again after the scan wrote it
    store.flushCache();
    assertThat(beneath.get("Dongsi|1").count).isEqualTo(10);
    assertThat(beneath.get("Dongsi").count).isEqualTo(3);
    assertThat(beneath.get("Tiantan|1").count).isEqualTo(4);
    assertThat(beneath.get("Dongsi|2")).isNull();
  }

  @Test
  void aPrefixScanSeesItsChangesAndWritesOnlyThose() {
    store.put("东城|2016-03-01|Dongsi", new Tally(1));
    store.put("东城|2016-03-01|Tiantan", new Tally(2));
    store.put("东城|2016-03-02|Dongsi", new Tally(3));
    store.put("city|2016-03-01|Dongsi", new Tally(4));
    beneath.put("东城|2016-03-01|Aotizhongxin", new Tally(5));
    store.delete("东城|2016-03-01|Aotizhongxin");

    List<String> seen = new ArrayList<>();
    try (KeyValueIterator<String, Tally> it = store.prefixScan("东城|2016-03-01|", new StringSerializer())) {
      it.forEachRemaining(kv -> seen.add(kv.key + "=" + kv.value.count));
    }
    assertThat(seen).containsExactly("东城|2016-03-01|Dongsi=1", "东城|2016-03-01|Tiantan=2");
    assertThat(beneath.get("东城|2016-03-02|Dongsi")).as("the next day's change waits for the commit").isNull();
    assertThat(beneath.get("city|2016-03-01|Dongsi")).as("another scope's change waits for the commit").isNull();

    store.flushCache();
    assertThat(beneath.get("东城|2016-03-02|Dongsi").count).isEqualTo(3);
    assertThat(beneath.get("city|2016-03-01|Dongsi").count).isEqualTo(4);
  }

  @Test
  void aRangeScanSeesWhatAScanOfEverythingWrittenFirstWouldSee() {
    SplittableRandom random = new java.util.SplittableRandom(7);
    Map<String, Integer> expected = new HashMap<>();
    String[] stations = {"Aotizhongxin", "Dongsi", "Dongsi2", "Guanyuan", "东城", "东城区", "\uD83D\uDE00s"};
    for (int step = 0; step < 20_000; step++) {
      String key = stations[random.nextInt(stations.length)] + "|" + random.nextInt(40);
      switch (random.nextInt(5)) {
        case 0 -> {
          store.delete(key);
          expected.remove(key);
        }
        case 1 -> store.flushCache();
        case 2 -> {
          String a = stations[random.nextInt(stations.length)] + "|" + random.nextInt(40);
          String b = random.nextBoolean() ? a.substring(0, a.indexOf('|') + 1) + random.nextInt(40)
              : stations[random.nextInt(stations.length)] + "|" + random.nextInt(40);
          String from = UTF8_ORDER.compare(a, b) <= 0 ? a : b;
          String to = from == a ? b : a;
          List<String> seen = new ArrayList<>();
          try (KeyValueIterator<String, Tally> it = store.range(from, to)) {
            it.forEachRemaining(kv -> seen.add(kv.key + "=" + kv.value.count));
          }
          assertThat(seen).as("range %s .. %s at step %d", from, to, step).isEqualTo(inUtf8Order(expected, from, to));
        }
        default -> {
          int value = random.nextInt(1000);
          store.put(key, new Tally(value));
          expected.put(key, value);
        }
      }
    }
  }

  /** RocksDB's order of String keys: their UTF-8 bytes, unsigned. */
  private static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
      a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  /** What the store beneath returns for {@code [from, to]} if every change had been written. */
  private static List<String> inUtf8Order(Map<String, Integer> entries, String from, String to) {
    return entries.entrySet().stream()
        .filter(e -> UTF8_ORDER.compare(e.getKey(), from) >= 0 && UTF8_ORDER.compare(e.getKey(), to) <= 0)
        .sorted(Map.Entry.comparingByKey(UTF8_ORDER))
        .map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  @Test
  void closingWithoutACommitDiscardsTheChanges() {
    store.put("Dongsi", new Tally(1));
    store.flushCache();
    store.put("Dongsi", new Tally(2));
    store.put("Tiantan", new Tally(5));

    store.close(); // a dirty close: the task's uncommitted work is restored from the changelog
    reopen();

    assertThat(store.get("Dongsi").count).isEqualTo(1);
    assertThat(store.get("Tiantan")).isNull();
  }
}
