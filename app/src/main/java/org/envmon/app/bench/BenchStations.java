package org.envmon.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.envmon.ingest.core.StationEntry;
import org.envmon.ingest.registry.StationPublisher;

/** Publishes a bench's stations to a fresh embedded broker's {@code envmon.stations}. */
final class BenchStations {
  private static final int ATTEMPTS = 3;

  private BenchStations() {}

  /**
   * On this loaded machine a fresh broker now and then leaves one producer batch unanswered
   * (Kafka expires it after the delivery timeout); the registry is compacted, so this publishes
   * again, up to {@value #ATTEMPTS} times.
   */
  static void publish(String bootstrap, List<StationEntry> stations, Duration timeout, PrintStream out)
      throws InterruptedException {
    Properties producer = new Properties();
    producer.put("bootstrap.servers", bootstrap);
    producer.put("request.timeout.ms", "10000");
    producer.put("delivery.timeout.ms", "30000");
    for (int attempt = 1; ; attempt++) {
      try (StationPublisher publisher = new StationPublisher(producer)) {
        publisher.publish(stations).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("the embedded broker did not acknowledge the " + stations.size()
              + " stations in " + attempt + " attempts (" + e.getMessage() + "); the machine may be overloaded: "
              + "run the bench again", e);
        }
        out.println("bench: publishing the stations failed (" + e.getMessage() + "); trying again");
      }
    }
  }
}
