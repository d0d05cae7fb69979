package org.envmon.app.command;

import java.nio.file.Path;
import org.envmon.broker.BrokerOptions;
import picocli.CommandLine.Option;

/** Options of the embedded broker, shared by {@code demo} and {@code broker}. */
public final class BrokerOptionsMixin {
  @Option(names = "--data-dir", defaultValue = "data", description = "Where the embedded broker and the streams state live (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Client port of the embedded broker; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  BrokerOptions toOptions(int partitions) {
    return BrokerOptions.builder()
        .dataDir(dataDir.resolve("kafka"))
        .brokerPort(kafkaPort)
        .controllerPort(controllerPort)
        .defaultPartitions(partitions)
        .build();
  }
}
