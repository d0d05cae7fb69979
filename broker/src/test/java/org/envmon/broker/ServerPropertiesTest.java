package org.envmon.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest {
  @Test
  void combinedNodeWithPlaintextControllerAndExtraListeners() {
    BrokerOptions o = BrokerOptions.builder().dataDir(Path.of("/var/envmon/kafka")).host("10.0.0.5")
        .brokerPort(9092).controllerPort(9093).defaultPartitions(6)
        .listener(ListenerSpec.saslPlain(9094, Map.of("alice", "pw")))
        .serverProperty("log.retention.ms", "3600000")
        .build();

    Properties p = ServerProperties.of(o);

    assertThat(p).containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("inter.broker.listener.name", "PLAINTEXT")
        .containsEntry("listeners", "PLAINTEXT://10.0.0.5:9092,CONTROLLER://127.0.0.1:9093,SASL_PLAIN://10.0.0.5:9094")
        .containsEntry("advertised.listeners", "PLAINTEXT://10.0.0.5:9092,SASL_PLAIN://10.0.0.5:9094")
        .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAIN:SASL_PLAINTEXT")
        .containsEntry("listener.name.sasl_plain.sasl.enabled.mechanisms", "PLAIN")
        .containsEntry("listener.name.sasl_plain.plain.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required user_alice=\"pw\";")
        .containsEntry("log.dirs", "/var/envmon/kafka")
        .containsEntry("num.partitions", "6")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        // an explicit server property wins over the single-node default (-1)
        .containsEntry("log.retention.ms", "3600000");
  }
}
