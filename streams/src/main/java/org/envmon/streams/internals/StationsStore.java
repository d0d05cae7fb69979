package org.envmon.streams.internals;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station registry as a global store (every task sees every station), fed by the compacted
 * {@link Topics#STATIONS} topic: key station id, value {@link Station}; a tombstone removes the
 * station. Any processor can look stations up with {@link #of}: a global store needs no
 * declaration by the processors that read it.
 */
public final class StationsStore {
  private static final Logger LOG = LoggerFactory.getLogger(StationsStore.class);
  /** Name of the global store; sub-topologies look it up with {@link #of(ProcessorContext)}. */
  public static final String NAME = "envmon-stations";
  /**
   * Name of the processor that writes the global store; its source node is named
   * {@code stations-registry-source}.
   */
  public static final String PROCESSOR_NAME = "stations-registry";

  /** Stations kept per view at most; the registry has tens to thousands. */
  private static final int MAX_REMEMBERED = 100_000;
  /**
   * Bumped whenever the global store changes: a view's remembered lookups are dropped then.
   * (Shared by every application in the JVM, so one's update also clears the others': harmless.)
   */
  private static final AtomicLong GENERATION = new AtomicLong();

  private final KeyValueStore<String, Station> store;
  /** Lookups since the registry last changed: the store decodes Avro on every read, per value. */
  private final Map<String, Optional<Station>> remembered = new HashMap<>();
  private final Map<String, Set<String>> airStationsByDistrict = new HashMap<>();
  private long generation = -1;

  private StationsStore(KeyValueStore<String, Station> store) {
    this.store = store;
  }

  /**
   * Registers the global store. Global stores are restored from their source topic, so the
   * store keeps no changelog of its own.
   */
  public static void addTo(StreamsBuilder builder) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(),
            Topics.STATIONS.valueSerde()).withLoggingDisabled(),
        Topics.STATIONS.name(),
        Consumed.with(Topics.STATIONS.keySerde(), Topics.STATIONS.valueSerde()).withName(PROCESSOR_NAME),
        Updater::new);
  }

  /** The lookup view for a processor; call it from the processor's {@code init}. */
  public static StationsStore of(ProcessorContext<?, ?> context) {
    return new StationsStore(context.getStateStore(NAME));
  }

  /** The station registered under {@code stationId}, if any. */
  public Optional<Station> find(String stationId) {
    if (stationId == null) {
      return Optional.empty();
    }
    forgetIfChanged();
    Optional<Station> station = remembered.get(stationId);
    if (station == null) {
      station = Optional.ofNullable(store.get(stationId));
      remembered.put(stationId, station);
    }
    return station;
  }

  private void forgetIfChanged() {
    long now = GENERATION.get();
    if (now != generation || remembered.size() > MAX_REMEMBERED) {
      remembered.clear();
      airStationsByDistrict.clear();
      generation = now;
    }
  }

  /** Ids of the registered air stations of {@code district}, or of the whole city for "city". */
  public Set<String> airStationsOf(String district) {
    forgetIfChanged();
    return airStationsByDistrict.computeIfAbsent(district, this::readAirStationsOf);
  }

  private Set<String> readAirStationsOf(String district) {
    Set<String> ids = new TreeSet<>();
    try (KeyValueIterator<String, Station> it = store.all()) {
      it.forEachRemaining(kv -> {
        Station s = kv.value;
        if (s.getMedium() == Medium.AIR && (district.equals("city") || district.equals(s.getDistrict()))) {
          ids.add(s.getId());
        }
      });
    }
    return Collections.unmodifiableSet(ids);
  }

  /** Copies the stations topic into the global store. */
  private static final class Updater implements Processor<String, Station, Void, Void> {
    private KeyValueStore<String, Station> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(NAME);
    }

    @Override
    public void process(Record<String, Station> record) {
      if (record.key() == null) {
        // A keyless station record cannot be addressed; the registry publisher never sends one.
        LOG.warn("ignoring a record without station id on {}", Topics.STATIONS.name());
      } else if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
      GENERATION.incrementAndGet();
    }
  }
}
