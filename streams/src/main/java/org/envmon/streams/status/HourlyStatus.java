package org.envmon.streams.status;

import java.util.List;
import org.envmon.schemas.HourlyValue;

/**
 * The latest hourly value of one parameter at one station, as the status API shows it. Times are
 * ISO-8601 UTC strings so the record travels as plain JSON between instances.
 */
public record HourlyStatus(String station, String district, String medium, String parameter, String hourStart,
                           Double value, String unit, boolean valid, int samples, int sampleMinutes,
                           List<String> qcFlags, int revision) {
  public HourlyStatus {
    qcFlags = List.copyOf(qcFlags);
  }

  static HourlyStatus of(HourlyValue h) {
    return new HourlyStatus(h.getStationId(), h.getDistrict(), h.getMedium().name(), h.getParameter(),
        h.getHourStart().toString(), h.getValue(), h.getUnit(), h.getValid(), h.getSamples(), h.getSampleMinutes(),
        h.getQcFlags(), h.getRevision());
  }
}
