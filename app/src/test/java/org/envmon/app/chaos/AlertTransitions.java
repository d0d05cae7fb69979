package org.envmon.app.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.envmon.schemas.Alert;
import org.envmon.schemas.topics.Topics;

/**
 * The alert transitions on {@code envmon.alerts} as a subscriber sees them (read_committed). Each
 * transition (alert id, state, severity) may appear once: a second one is a duplicate a subscriber
 * would act on twice. An episode escalates once per severity it rises to, so one alert id can be
 * ESCALATED several times, each time with another severity.
 *
 * @param transitions every committed transition, in partition and offset order
 */
record AlertTransitions(List<Transition> transitions) {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** One record of the topic: the transition and where it is. */
  record Transition(String alertId, String state, String severity, String address) {
    String identity() {
      return alertId + " " + state + " " + severity;
    }
  }

  AlertTransitions {
    transitions = List.copyOf(transitions);
  }

  /** Reads every committed record of {@code envmon.alerts} from the beginning to the end. */
  static AlertTransitions read(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "envmon-chaos-check-" + UUID.randomUUID());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<Transition> transitions = new ArrayList<>();
    try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(config,
        Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed the end offsets are the last stable offsets: everything committed.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + Topics.ALERTS.name() + " to its end " + ends
              + " within " + READ_TIMEOUT);
        }
        for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
          transitions.add(new Transition(r.value().getAlertId(), r.value().getState().name(),
              r.value().getSeverity(), r.topic() + "-" + r.partition() + "@" + r.offset()));
        }
      }
    }
    return new AlertTransitions(transitions);
  }

  /** Every (alert id, state, severity) that appears more than once, with the addresses of all its copies. */
  Map<String, List<String>> duplicates() {
    Map<String, List<String>> byTransition = new LinkedHashMap<>();
    for (Transition t : transitions) {
      byTransition.computeIfAbsent(t.identity(), k -> new ArrayList<>()).add(t.address());
    }
    byTransition.values().removeIf(addresses -> addresses.size() < 2);
    return byTransition;
  }

  int size() {
    return transitions.size();
  }
}
