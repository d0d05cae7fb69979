package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class DockerConditionIT {
  @Test
  void disablesWithTheReasonExactlyWhenDockerIsUnreachable() {
    ConditionEvaluationResult result = new DockerCondition().evaluateExecutionCondition(null);
    var reason = DockerCondition.unavailableReason();
    assertThat(result.isDisabled()).isEqualTo(reason.isPresent());
    assertThat(result.getReason())
        .contains(reason.map(r -> "Docker is not reachable: " + r).orElse("Docker is reachable"));
  }
}
