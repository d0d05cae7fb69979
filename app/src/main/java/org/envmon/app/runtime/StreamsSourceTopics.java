package org.envmon.app.runtime;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics the streams application's consumer group reads (what its lag is measured on), from
 * the topology itself: a hand-kept list went stale when the evaluation stage stopped reading
 * envmon.hourly, .aggregates and .aqi, and waiting for a group that never commits on them never
 * ended. Global stores are left out (their consumer is not in the group); internal topics get the
 * application id in front, as Kafka Streams names them.
 */
public final class StreamsSourceTopics {
  private static final String INTERNAL_SUFFIX = "-repartition";

  private StreamsSourceTopics() {}

  /** The source topics of {@code topology}'s sub-topologies, internal ones named for {@code applicationId}. */
  public static Set<String> of(Topology topology, String applicationId) {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          source.topicSet().forEach(t -> topics.add(t.endsWith(INTERNAL_SUFFIX) ? applicationId + "-" + t : t));
        }
      }
    }
    return topics;
  }
}
