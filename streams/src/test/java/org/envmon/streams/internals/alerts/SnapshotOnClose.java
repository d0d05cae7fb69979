package org.envmon.streams.internals.alerts;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A test-only state store that runs a callback when its task closes. TopologyTestDriver flushes
 * and checkpoints every store, then closes them, then wipes the state directory (unlike a real
 * instance); closing is the last moment the flushed on-disk state can be saved to simulate a
 * process restart on the same state directory.
 */
final class SnapshotOnClose implements StateStore {
  static final String NAME = "harness-snapshot-on-close";

  private final Runnable onClose;
  private boolean open;

  private SnapshotOnClose(Runnable onClose) {
    this.onClose = onClose;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> { });
    open = true;
  }

  @Override
  public void close() {
    open = false;
    onClose.run();
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** A builder of the store (no logging, no caching: there is nothing to log or cache). */
  static StoreBuilder<SnapshotOnClose> builder(Runnable onClose) {
    return new StoreBuilder<>() {
      @Override
      public StoreBuilder<SnapshotOnClose> withCachingEnabled() {
        return this;
      }

      @Override
      public StoreBuilder<SnapshotOnClose> withCachingDisabled() {
        return this;
      }

      @Override
      public StoreBuilder<SnapshotOnClose> withLoggingEnabled(Map<String, String> config) {
        return this;
      }

      @Override
      public StoreBuilder<SnapshotOnClose> withLoggingDisabled() {
        return this;
      }

      @Override
      public SnapshotOnClose build() {
        return new SnapshotOnClose(onClose);
      }

      @Override
      public Map<String, String> logConfig() {
        return Map.of();
      }

      @Override
      public boolean loggingEnabled() {
        return false;
      }

      @Override
      public String name() {
        return NAME;
      }
    };
  }
}
