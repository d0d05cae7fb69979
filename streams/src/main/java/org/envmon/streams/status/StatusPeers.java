package org.envmon.streams.status;

import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How one instance asks another for the status records it holds (the status server does it over
 * HTTP). Implementations throw {@link StatusUnavailableException} when the peer cannot answer.
 */
public interface StatusPeers {
  /** Every record of {@code view}'s store held by {@code peer}. */
  <T> List<T> all(HostInfo peer, StatusView<?, T> view);

  /** The records of {@code keys} held by {@code peer} (absent keys left out). */
  <T> List<T> get(HostInfo peer, StatusView<?, T> view, List<String> keys);
}
