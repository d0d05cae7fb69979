package org.envmon.schemas.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with its key and value serdes, so that no code names a topic by a raw string
 * or pairs it with the wrong serde.
 *
 * @param name        the topic name
 * @param keySerde    serde of the record keys
 * @param valueSerde  serde of the record values
 * @param compacted   whether the topic is log-compacted (latest value per key)
 * @param description one line for operators and the topic table in the docs
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted,
                          String description) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  @Override
  public String toString() {
    return name;
  }
}
