package org.envmon.streams.internals;

import java.util.List;
import org.envmon.schemas.Reading;
import org.envmon.standards.Parameter;

/**
 * A reading after QC: its value in the envmon unit, its findings, and whether it may enter
 * statistics.
 *
 * @param reading       the reading as received (forwarded to the late topic when late)
 * @param parameter     its parameter
 * @param value         value in {@link Parameter#unit()}
 * @param valid         true when QC found nothing
 * @param flags         QC findings
 * @param sampleMinutes minutes of sampling the value represents
 * @param hourlyMean    true when the value is an hourly mean itself (period of one hour or more)
 * @param coordinates   topic-partition@offset of the reading
 */
public record QcSample(Reading reading, Parameter parameter, double value, boolean valid, List<String> flags,
                       int sampleMinutes, boolean hourlyMean, String coordinates) {
  public QcSample {
    flags = List.copyOf(flags);
  }

  public String stationId() {
    return reading.getStationId();
  }

  public long observedAt() {
    return reading.getObservedAt().toEpochMilli();
  }
}
