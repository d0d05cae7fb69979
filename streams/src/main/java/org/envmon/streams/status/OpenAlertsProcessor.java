package org.envmon.streams.status;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;

/**
 * Follows alert transitions (key = alert id): OPEN and ESCALATED store the alert's latest
 * transition, CLEARED (or anything else) removes it, so the store holds exactly the open episodes.
 */
final class OpenAlertsProcessor implements Processor<String, Alert, Void, Void> {
  private final String storeName;
  private KeyValueStore<String, Alert> store;

  private OpenAlertsProcessor(String storeName) {
    this.storeName = storeName;
  }

  static ProcessorSupplier<String, Alert, Void, Void> supplier(String storeName) {
    return () -> new OpenAlertsProcessor(storeName);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Alert> record) {
    Alert alert = record.value();
    if (alert == null) {
      return;
    }
    // The record key is the alert id; fall back to the field for producers that left it out.
    String id = record.key() != null ? record.key() : alert.getAlertId();
    if (alert.getState() == AlertState.OPEN || alert.getState() == AlertState.ESCALATED) {
      store.put(id, alert);
    } else {
      store.delete(id);
    }
  }
}
