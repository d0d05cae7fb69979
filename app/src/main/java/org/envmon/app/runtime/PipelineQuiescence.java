package org.envmon.app.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when the pipeline has processed everything that was fed to it: every consumer group of
 * envmon (streams and sinks) has committed up to the end of every partition it reads, and no
 * topic grew for a few consecutive checks. Transactional topics end with a commit marker the
 * consumers never commit past, so a lag of one on those is complete; the quiet period covers
 * that and the chains of topics one stage writes and the next reads.
 */
public final class PipelineQuiescence {
  private final Admin admin;
  private final Map<String, Set<String>> groupTopics;
  private final Duration pollInterval;
  private final int quietPolls;

  /**
   * @param groupTopics for each consumer group, the topics it must have consumed to the end; a
   *                    partition the group has not committed yet counts as not done
   */
  public PipelineQuiescence(Admin admin, Map<String, Set<String>> groupTopics, Duration pollInterval,
                            int quietPolls) {
    this.admin = admin;
    this.groupTopics = Map.copyOf(groupTopics);
    this.pollInterval = pollInterval;
    this.quietPolls = quietPolls;
  }

  /**
   * Blocks until quiescent, calling {@code progress} with the total lag after every check.
   *
   * @throws TimeoutException when not quiescent within {@code timeout}
   */
  public void await(Duration timeout, Consumer<Long> progress)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> previousEnds = Map.of();
    int quiet = 0;
    while (System.nanoTime() < deadline) {
      Snapshot s = snapshot();
      progress.accept(s.lag);
      boolean unchanged = s.endOffsets.equals(previousEnds);
      quiet = (s.lagWithinMarkers && unchanged) ? quiet + 1 : 0;
      if (quiet >= quietPolls) {
        return;
      }
      previousEnds = s.endOffsets;
      Thread.sleep(pollInterval.toMillis());
    }
    throw new TimeoutException("the pipeline did not finish processing within " + timeout);
  }

  private record Snapshot(Map<TopicPartition, Long> endOffsets, long lag, boolean lagWithinMarkers) {}

  private Snapshot snapshot() throws InterruptedException {
    try {
      Map<TopicPartition, Long> committed = new HashMap<>();
      for (Map.Entry<String, Set<String>> group : groupTopics.entrySet()) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
        Map<String, Integer> partitions = admin.describeTopics(group.getValue()).allTopicNames().get()
            .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, t -> t.getValue().partitions().size()));
        for (Map.Entry<String, Integer> topic : partitions.entrySet()) {
          for (int p = 0; p < topic.getValue(); p++) {
            TopicPartition tp = new TopicPartition(topic.getKey(), p);
            OffsetAndMetadata om = offsets.get(tp);
            // Not committed yet: everything in the partition is still to do.
            committed.merge(tp, om == null ? 0L : om.offset(), Math::min);
          }
        }
      }
      Map<TopicPartition, OffsetSpec> request = committed.keySet().stream()
          .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends = request.isEmpty() ? Map.of()
          : admin.listOffsets(request).all().get();
      Map<TopicPartition, Long> endOffsets = new HashMap<>();
      long lag = 0;
      boolean withinMarkers = !committed.isEmpty();
      for (Map.Entry<TopicPartition, Long> e : committed.entrySet()) {
        long end = ends.get(e.getKey()).offset();
        endOffsets.put(e.getKey(), end);
        long partitionLag = Math.max(0, end - e.getValue());
        lag += partitionLag;
        withinMarkers &= partitionLag <= 1;
      }
      return new Snapshot(endOffsets, lag, withinMarkers);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read consumer offsets from Kafka: " + e.getCause().getMessage(), e);
    }
  }
}
