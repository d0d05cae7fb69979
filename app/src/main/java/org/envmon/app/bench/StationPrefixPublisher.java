package org.envmon.app.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecordBase;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;

/**
 * Renames the stations of a load run ({@code load-00001} to {@code <prefix>load-00001}), so a
 * second run starts with fresh station clocks instead of sending data the pipeline would treat
 * as late for the stations of the first run.
 */
final class StationPrefixPublisher implements ReadingPublisher {
  private final ReadingPublisher delegate;
  private final String prefix;

  StationPrefixPublisher(ReadingPublisher delegate, String prefix) {
    this.delegate = delegate;
    this.prefix = prefix;
  }

  /** The renamed station entries, to publish to envmon.stations. */
  static List<StationEntry> rename(List<StationEntry> stations, String prefix) {
    return stations.stream().map(e -> {
      Station renamed = copy(e.station(), new Station());
      renamed.setId(prefix + e.id());
      return new StationEntry(renamed, e.hj212PasswordHash(), e.httpTokenHash(), e.hj212ModbusCrc());
    }).toList();
  }

  @Override
  public CompletableFuture<Void> publish(List<Reading> readings) {
    return delegate.publish(readings.stream().map(r -> {
      Reading renamed = copy(r, new Reading());
      renamed.setStationId(prefix + r.getStationId());
      return renamed;
    }).toList());
  }

  /**
   * Field by field, sharing the values: cheaper than Avro's deep-copying builders, and all
   * fields, including any the schema gains later, come along.
   */
  private static <T extends SpecificRecordBase> T copy(T from, T to) {
    from.getSchema().getFields().forEach(f -> to.put(f.pos(), from.get(f.pos())));
    return to;
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    return delegate.deadLetter(deadLetter);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
