package org.envmon.ingest.core;

import java.time.Duration;

/** Waits for wall-clock pacing (replay speed, load-generator rate); a seam so tests need not sleep. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
