package org.envmon.ingest.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Healthy when the Kafka cluster answers a describe-cluster request with at least one broker
 * within the timeout: the producer's bootstrap servers are reachable. Does not close the admin
 * client, which belongs to the caller.
 */
public final class KafkaClusterHealth implements HealthCheck {
  private final Admin admin;
  private final Duration timeout;

  public KafkaClusterHealth(Admin admin, Duration timeout) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public Optional<String> problem() {
    try {
      int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      return brokers > 0 ? Optional.empty() : Optional.of("Kafka cluster reports no brokers");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking Kafka for its brokers");
    } catch (ExecutionException | TimeoutException e) {
      return Optional.of("Kafka not reachable within " + timeout + ": " + e.getMessage());
    }
  }
}
