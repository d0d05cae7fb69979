package org.envmon.testkit;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.containers.ContainerFetchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.InfluxDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers variants of the real services, for {@link RequiresDocker} tests: the same
 * assertions as against the local broker and influxd, but on {@code apache/kafka} and {@code influxdb:2}.
 */
public final class TestContainers {
  /** The Kafka image of the same version as envmon's Kafka clients. */
  public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion());
  public static final DockerImageName INFLUXDB_IMAGE = DockerImageName.parse("influxdb:2.7");
  public static final String INFLUXDB_ORG = "envmon";
  public static final String INFLUXDB_BUCKET = "envmon";
  public static final String INFLUXDB_TOKEN = "envmon-test-token";

  private TestContainers() {}

  /** A KRaft Kafka container (not started). */
  public static KafkaContainer kafka() {
    return new KafkaContainer(KAFKA_IMAGE);
  }

  /** An InfluxDB 2 container with org, bucket and admin token set up (not started). */
  public static InfluxDBContainer<?> influxDb2() {
    return new InfluxDBContainer<>(INFLUXDB_IMAGE)
        .withOrganization(INFLUXDB_ORG)
        .withBucket(INFLUXDB_BUCKET)
        .withAdminToken(INFLUXDB_TOKEN);
  }

  /**
   * Starts the container; if its image cannot be pulled (offline, registry down) the calling
   * test is aborted, i.e. reported as skipped with the reason, instead of failing.
   */
  public static <C extends GenericContainer<?>> C startOrSkip(C container) {
    try {
      container.start();
      return container;
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ContainerFetchException) {
          container.close();
          Assumptions.abort("image " + container.getDockerImageName() + " cannot be pulled: " + t.getMessage());
        }
      }
      throw e;
    }
  }
}
