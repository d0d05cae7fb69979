package org.envmon.ingest.core;

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

  /** Flushes and closes; readings published before close are acknowledged or failed. */
  @Override
  void close();
}
