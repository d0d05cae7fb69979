package org.envmon.streams.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of the status stores this instance holds, and where the others are. Every failure caused
 * by a rebalance or restore becomes a {@link StatusUnavailableException} (retryable).
 */
public final class LocalStatusStores {
  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;

  /**
   * @param streams the running envmon topology
   * @param self    this instance's {@code application.server}, as configured in Kafka Streams
   */
  public LocalStatusStores(KafkaStreams streams, HostInfo self) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
  }

  public HostInfo self() {
    return self;
  }

  /** Every record of the view's store held here. */
  public <A, T> List<T> all(StatusView<A, T> view) {
    return read(view, store -> collect(store.all(), view));
  }

  /**
   * The records of {@code keys} (absent keys are left out). Every key must be owned here: a key
   * that moved away makes the whole read unavailable rather than silently missing.
   */
  public <A, T> List<T> get(StatusView<A, T> view, Collection<String> keys) {
    List<T> found = new ArrayList<>();
    for (String key : keys) {
      HostInfo owner = ownerOf(view, key);
      if (!owner.equals(self)) {
        throw new StatusUnavailableException("key '" + key + "' of " + view.store() + " is now held by " + owner
            + ", not by " + self + " (rebalancing)");
      }
      A value = read(view, store -> store.get(key));
      if (value != null) {
        found.add(view.view().apply(value));
      }
    }
    return found;
  }

  /** The instance holding {@code key} of the view's store. */
  public HostInfo ownerOf(StatusView<?, ?> view, String key) {
    KeyQueryMetadata metadata;
    try {
      metadata = view.byStation() ? streams.queryMetadataForKey(view.store(), key, StationKeyPartitioner.INSTANCE)
          : streams.queryMetadataForKey(view.store(), key, KEYS);
    } catch (InvalidStateStoreException | IllegalStateException e) {
      // Kafka Streams throws IllegalStateException for the shutdown states.
      throw notRunning(e);
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new StatusUnavailableException("no instance holds " + view.store() + " yet (streams state "
          + streams.state() + ")");
    }
    return metadata.activeHost();
  }

  /** Every instance holding part of the view's store. */
  public List<HostInfo> hostsOf(StatusView<?, ?> view) {
    List<HostInfo> hosts;
    try {
      hosts = streams.streamsMetadataForStore(view.store()).stream().map(m -> m.hostInfo()).distinct().toList();
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw notRunning(e);
    }
    if (hosts.isEmpty()) {
      throw new StatusUnavailableException("no instance holds " + view.store() + " yet (streams state "
          + streams.state() + ")");
    }
    return hosts;
  }

  /** Metadata is only known while RUNNING or REBALANCING. */
  private StatusUnavailableException notRunning(RuntimeException e) {
    return new StatusUnavailableException("the streams application is " + streams.state()
        + "; status is available once it runs: " + e.getMessage(), e);
  }

  private <A, R> R read(StatusView<A, ?> view, StoreRead<A, R> read) {
    try {
      ReadOnlyKeyValueStore<String, A> store = streams.store(
          StoreQueryParameters.fromNameAndType(view.store(), QueryableStoreTypes.<String, A>keyValueStore()));
      return read.apply(store);
    } catch (UnknownStateStoreException e) {
      throw new IllegalStateException("the topology has no store " + view.store()
          + "; build it with EnvmonTopology so the status stores exist", e);
    } catch (InvalidStateStoreException e) {
      throw new StatusUnavailableException(view.store() + " is not queryable here right now (streams state "
          + streams.state() + "): " + e.getMessage(), e);
    }
  }

  private static <A, T> List<T> collect(KeyValueIterator<String, A> iterator, StatusView<A, T> view) {
    List<T> out = new ArrayList<>();
    try (iterator) {
      while (iterator.hasNext()) {
        KeyValue<String, A> next = iterator.next();
        out.add(view.view().apply(next.value));
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface StoreRead<A, R> {
    R apply(ReadOnlyKeyValueStore<String, A> store);
  }
}
