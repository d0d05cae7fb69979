package org.envmon.ingest.http;

import java.util.Optional;

/** Whether ingest can reach what it writes to; {@code GET /health} answers 200 only when it can. */
@FunctionalInterface
public interface HealthCheck {
  /** Empty when healthy, else what is wrong in one line for the operator. */
  Optional<String> problem();
}
