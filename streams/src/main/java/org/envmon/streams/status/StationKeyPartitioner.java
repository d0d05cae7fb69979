package org.envmon.streams.status;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.envmon.streams.internals.StateKeys;

/**
 * Where a status store kept in the readings' task holds a key ({@code station|parameter},
 * {@code station|period}): in the partition of its station, as Kafka's default partitioner puts
 * the station's readings (murmur2 of the UTF-8 station id, the key of {@code envmon.readings}).
 * The station is everything before the last separator, so a station id may contain one.
 */
final class StationKeyPartitioner implements StreamPartitioner<String, Object> {
  static final StationKeyPartitioner INSTANCE = new StationKeyPartitioner();

  private StationKeyPartitioner() {}

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
    int separator = key.lastIndexOf(StateKeys.SEPARATOR);
    if (separator < 0) {
      throw new IllegalArgumentException("'" + key + "' is not a station|... status key");
    }
    byte[] station = key.substring(0, separator).getBytes(StandardCharsets.UTF_8);
    return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(station)) % numPartitions));
  }
}
