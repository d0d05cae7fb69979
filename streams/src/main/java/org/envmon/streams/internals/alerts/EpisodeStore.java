package org.envmon.streams.internals.alerts;

import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.envmon.streams.internals.StateStores;

/**
 * The changelogged store of alert episodes, keyed per (subject, rule), and the one place the
 * state machine's result is persisted: a restart resumes from here and emits nothing twice.
 */
public final class EpisodeStore {
  private final KeyValueStore<String, Episode> store;

  public EpisodeStore(KeyValueStore<String, Episode> store) {
    this.store = store;
  }

  /** A persistent, changelogged store definition. */
  public static StoreBuilder<KeyValueStore<String, Episode>> builder(String name) {
    return StateStores.writeBehind(name, EpisodeSerde.serde());
  }

  /** Judges an observation for one (subject, rule) and persists the new state. */
  public Optional<Transition> judge(String subject, String ruleId, Observation o, Threshold threshold, int pending) {
    String key = AlertIds.stateKey(subject, ruleId);
    Episode current = Optional.ofNullable(store.get(key)).orElse(Episode.INITIAL);
    AlertStateMachine.Step step = AlertStateMachine.advance(current, o, threshold, pending);
    if (!step.next().equals(current)) {
      store.put(key, step.next());
    }
    return step.transition();
  }
}
