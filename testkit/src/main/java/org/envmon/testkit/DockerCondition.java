package org.envmon.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Disables {@link RequiresDocker} tests, saying why, when Testcontainers cannot reach a Docker engine. */
public final class DockerCondition implements ExecutionCondition {
  /** Probed once per JVM: the probe costs time and its answer does not change during a run. */
  private static volatile Optional<String> unavailableReason;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return unavailableReason()
        .map(reason -> ConditionEvaluationResult.disabled("Docker is not reachable: " + reason))
        .orElseGet(() -> ConditionEvaluationResult.enabled("Docker is reachable"));
  }

  /** Empty when Docker is reachable, otherwise why not. */
  public static Optional<String> unavailableReason() {
    Optional<String> reason = unavailableReason;
    if (reason == null) {
      synchronized (DockerCondition.class) {
        if (unavailableReason == null) {
          unavailableReason = probe();
        }
        reason = unavailableReason;
      }
    }
    return reason;
  }

  private static Optional<String> probe() {
    try {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return Optional.empty();
      }
    } catch (RuntimeException | LinkageError e) {
      return Optional.of("Testcontainers failed to probe Docker: " + e);
    }
    String dockerHost = System.getenv("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return Optional.of("no Docker engine answers at DOCKER_HOST=" + dockerHost);
    }
    Path socket = Path.of("/var/run/docker.sock");
    return Optional.of(Files.exists(socket)
        ? "no Docker engine answers on " + socket + " (is the daemon running and the socket readable?)"
        : "no Docker engine: DOCKER_HOST is not set and " + socket + " does not exist");
  }
}
