package org.envmon.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/** Kafka server properties for a single combined broker+controller node built from resolved options. */
final class ServerProperties {
  static final int NODE_ID = 1;
  static final String CONTROLLER_HOST = "127.0.0.1";

  private ServerProperties() {}

  /** Defaults that make sense for exactly one node; every one can be overridden by the options. */
  static Map<String, String> singleNodeDefaults(int defaultPartitions) {
    return Map.ofEntries(
        Map.entry("num.partitions", Integer.toString(defaultPartitions)),
        Map.entry("default.replication.factor", "1"),
        Map.entry("min.insync.replicas", "1"),
        Map.entry("offsets.topic.replication.factor", "1"),
        // Few internal partitions: one node gains nothing from 50, and each costs start-up time.
        Map.entry("offsets.topic.num.partitions", "3"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "3"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // Replays carry historical event times; time-based retention would delete them at once.
        Map.entry("log.retention.ms", "-1"),
        // The default 128 MiB compaction buffer is far more than a demo or test JVM should reserve.
        Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024)));
  }

  static Properties of(BrokerOptions resolved) {
    Properties props = new Properties();
    props.putAll(singleNodeDefaults(resolved.defaultPartitions()));
    props.putAll(resolved.serverProperties());

    List<String> listeners = new ArrayList<>();
    List<String> advertised = new ArrayList<>();
    StringJoiner protocolMap = new StringJoiner(",");
    listeners.add(ListenerSpec.PLAINTEXT + "://" + resolved.host() + ":" + resolved.brokerPort());
    advertised.add(ListenerSpec.PLAINTEXT + "://" + resolved.host() + ":" + resolved.brokerPort());
    listeners.add(ListenerSpec.CONTROLLER + "://" + CONTROLLER_HOST + ":" + resolved.controllerPort());
    protocolMap.add(ListenerSpec.PLAINTEXT + ":PLAINTEXT").add(ListenerSpec.CONTROLLER + ":PLAINTEXT");
    for (ListenerSpec l : resolved.extraListeners()) {
      listeners.add(l.name() + "://" + resolved.host() + ":" + l.port());
      advertised.add(l.name() + "://" + resolved.host() + ":" + l.port());
      protocolMap.add(l.name() + ":" + l.protocol().name);
      l.properties().forEach((k, v) -> props.put(l.propertyPrefix() + k, v));
    }

    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + CONTROLLER_HOST + ":" + resolved.controllerPort());
    props.put("controller.listener.names", ListenerSpec.CONTROLLER);
    props.put("inter.broker.listener.name", ListenerSpec.PLAINTEXT);
    props.put("listeners", String.join(",", listeners));
    props.put("advertised.listeners", String.join(",", advertised));
    props.put("listener.security.protocol.map", protocolMap.toString());
    props.put("log.dirs", resolved.dataDir().toString());
    return props;
  }
}
