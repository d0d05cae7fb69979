package org.envmon.app.command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.envmon.broker.BrokerOptions;
import org.envmon.broker.EmbeddedKafkaBroker;
import org.envmon.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code envmon broker}: the embedded single-node KRaft broker alone, for development. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run the embedded single-node KRaft Kafka broker (no Docker) with the envmon topics, until Ctrl-C.")
public final class BrokerCommand implements Callable<Integer> {
  @Mixin
  BrokerOptionsMixin broker;

  @Option(names = "--partitions", defaultValue = "" + BrokerOptions.DEFAULT_PARTITIONS,
      description = "Partitions of the envmon topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(broker.toOptions(partitions));
    // The hook closes the broker itself: after Ctrl-C the JVM does not wait for the main thread.
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "envmon-broker-shutdown"));
    kafka.createTopics(Topics.all(), partitions);
    System.out.println("envmon: Kafka broker running at " + kafka.bootstrapServers()
        + " (data in " + broker.dataDir.resolve("kafka") + ") with " + Topics.all().size()
        + " envmon.* topics. Ctrl-C stops it.");
    new CountDownLatch(1).await();
    return 0;
  }
}
