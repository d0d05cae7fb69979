package org.envmon.ingest.simulator;

import java.util.Objects;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.StationEntry;

/**
 * One simulated value: which station produced it, the ingest path that would carry it, and the
 * candidate reading (observedAt = period start, value as text in the parameter's canonical unit).
 */
public record SimulatedReading(StationEntry station, IngestPath path, Candidate candidate, Fault fault) {
  public SimulatedReading {
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(fault, "fault");
  }

  public double value() {
    return Double.parseDouble(candidate.value());
  }
}
