package org.envmon.ingest.core;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/**
 * Where ingest hands accepted readings and rejected inputs. The returned future completes only
 * after Kafka has acknowledged every record (acks=all), so a protocol may acknowledge its peer
 * (HJ 212 9014, HTTP 202, MQTT PUBACK) only then; it fails if Kafka did not take them.
 */
public interface ReadingPublisher extends AutoCloseable {
  CompletableFuture<Void> publish(List<Reading> readings);

  CompletableFuture<Void> deadLetter(DeadLetter deadLetter);

  /**
   * Marks the end of a finite input (a replay, a demo run): the streams stage then closes every
   * open hour and day. Only a publisher that knows the topic's partitions can mark them all; the
   * default has nothing to mark.
   *
   * @param lastEventTime event time of the last reading of the input
   */
  default CompletableFuture<Void> endOfInput(Instant lastEventTime) {
    return CompletableFuture.completedFuture(null);
  }

  /** Flushes and closes; readings published before close are acknowledged or failed. */
  @Override
  void close();
}
