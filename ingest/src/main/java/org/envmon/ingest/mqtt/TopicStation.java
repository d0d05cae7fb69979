package org.envmon.ingest.mqtt;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The station id a topic names: the level matched by the first {@code +} of the subscription
 * filter, e.g. {@code Dongsi} in {@code envmon/stations/Dongsi/readings} for the filter
 * {@code envmon/stations/+/readings} (or {@code $share/envmon/envmon/stations/+/readings}). A
 * filter without {@code +} names no station.
 */
final class TopicStation {
  private final int level;

  TopicStation(String topicFilter) {
    List<String> levels = Arrays.asList(topicFilter.split("/", -1));
    // A shared subscription "$share/<group>/<filter>" matches topics of <filter>.
    if (levels.size() > 2 && levels.get(0).equals("$share")) {
      levels = levels.subList(2, levels.size());
    }
    this.level = levels.indexOf("+");
  }

  /** Whether topics under this filter name their station. */
  boolean namesStation() {
    return level >= 0;
  }

  Optional<String> of(String topic) {
    if (level < 0) {
      return Optional.empty();
    }
    List<String> levels = Arrays.asList(topic.split("/", -1));
    return level < levels.size() && !levels.get(level).isEmpty() ? Optional.of(levels.get(level)) : Optional.empty();
  }
}
