package org.envmon.ingest.json;

import java.util.List;
import org.envmon.schemas.Reading;

/** A batch after validation: the readings that may enter Kafka and the records refused. */
public record CheckedBatch(List<Reading> accepted, List<Rejection> rejections) {
  public CheckedBatch {
    accepted = List.copyOf(accepted);
    rejections = List.copyOf(rejections);
  }

  public static CheckedBatch unreadable(Rejection whole) {
    return new CheckedBatch(List.of(), List.of(whole));
  }

  public int size() {
    return accepted.size() + rejections.size();
  }
}
